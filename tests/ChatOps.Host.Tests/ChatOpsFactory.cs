using ChatOps.Core.Incidents;
using ChatOps.Slack.Local;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Host.Tests;

/// <summary>The real host in its embedded default (SQLite in a temporary folder, the local Slack workspace), with a known signing secret.</summary>
public class ChatOpsFactory : WebApplicationFactory<Program>
{
    public const string Secret = "host-test-signing-secret";
    private readonly string _folder = Directory.CreateTempSubdirectory("chatops-host-tests-").FullName;

    internal LocalWorkspace Workspace => Services.GetRequiredService<LocalWorkspace>();

    internal IIncidentStore Store => Services.GetRequiredService<IIncidentStore>();

    /// <summary>The database file; a test may prepare it before the host starts (at the first request or service asked for).</summary>
    internal string DatabasePath => Path.Combine(_folder, "chatops.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
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
