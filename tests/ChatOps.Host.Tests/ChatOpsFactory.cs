using ChatOps.Core.Incidents;
using ChatOps.LocalWorkspace;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Host.Tests;

/// <summary>
/// The real host in its embedded default (SQLite in a temporary folder) with the local workspace on and a known signing
/// secret. In memory, the page is at http://localhost and the workspace reaches the bot through the test server.
/// </summary>
public class ChatOpsFactory : WebApplicationFactory<Program>
{
    public const string Secret = "host-test-signing-secret";
    private readonly string _folder = Directory.CreateTempSubdirectory("chatops-host-tests-").FullName;

    internal Workspace Workspace => Services.GetRequiredService<Workspace>();

    internal IIncidentStore Store => Services.GetRequiredService<IIncidentStore>();

    /// <summary>The database file; a test may prepare it before the host starts (at the first request or service asked for).</summary>
    internal string DatabasePath => Path.Combine(_folder, "chatops.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("LocalWorkspace:Enabled", "true");
        builder.UseSetting("LocalWorkspace:Origins:0", "http://localhost");
        builder.UseSetting("LocalWorkspace:BotUrl", "http://localhost/");
        builder.ConfigureTestServices(services => services.AddHttpClient(LocalForwarder.ClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => sp.GetRequiredService<IServer>() is TestServer server ? server.CreateHandler() : new SocketsHttpHandler()));
        builder.UseSetting("SLACK_SIGNING_SECRET", Secret);
        builder.UseSetting("Storage:Sqlite:Path", DatabasePath);
        // Pacing is tested on its own; here it would only slow the flows down.
        builder.UseSetting("Slack:PostInterval", "00:00:00");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by SQLite's pool stays behind in the temp folder; nothing depends on it.
            }
        }
    }
}
