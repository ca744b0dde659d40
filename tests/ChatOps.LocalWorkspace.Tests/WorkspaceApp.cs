using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatOps.LocalWorkspace.Tests;

/// <summary>
/// The workspace alone, served in memory as a host would serve it, its page at http://localhost:5080, and a
/// <see cref="RecordingBot"/> at its configured bot address. Requests can come from any address and name any host.
/// </summary>
internal sealed class WorkspaceApp : IAsyncDisposable
{
    public const string Secret = "workspace-test-secret";
    public const string Page = "http://localhost:5080";
    public const string BotUrl = "http://bot.test/";
    private readonly WebApplication _app;

    private WorkspaceApp(WebApplication app) => _app = app;

    public RecordingBot Bot => _app.Services.GetRequiredService<RecordingBot>();

    public Workspace Workspace => _app.Services.GetRequiredService<Workspace>();

    public static async Task<WorkspaceApp> StartAsync(
        IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LocalWorkspace:Enabled"] = "true",
            ["LocalWorkspace:BotUrl"] = BotUrl,
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Services.AddLocalWorkspace(_ => Secret);
        builder.Services.AddSingleton<RecordingBot>();
        builder.Services.AddHttpClient(LocalForwarder.ClientName).ConfigurePrimaryHttpMessageHandler(sp => sp.GetRequiredService<RecordingBot>());
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapLocalWorkspace();
        await app.StartAsync();
        return new WorkspaceApp(app);
    }

    /// <summary>Sends one request as a browser or another machine would: its own Host, Origin, type and remote address.</summary>
    public async Task<(HttpStatusCode Status, string Body)> SendAsync(
        string method, string path, string? body = null, string? contentType = "application/json", string host = "localhost:5080",
        string? origin = Page, IPAddress? remote = null)
    {
        var context = await _app.GetTestServer().SendAsync(http =>
        {
            http.Request.Method = method;
            http.Request.Scheme = "http";
            http.Request.Host = new HostString(host);
            http.Request.Path = path;
            if (origin is not null) http.Request.Headers.Origin = origin;
            if (body is not null)
            {
                var bytes = Encoding.UTF8.GetBytes(body);
                http.Request.Body = new MemoryStream(bytes);
                http.Request.ContentLength = bytes.Length;
                if (contentType is not null) http.Request.ContentType = contentType;
            }
            http.Connection.RemoteIpAddress = remote ?? IPAddress.Loopback;
        });
        using var reader = new StreamReader(context.Response.Body);
        return ((HttpStatusCode)context.Response.StatusCode, await reader.ReadToEndAsync());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
