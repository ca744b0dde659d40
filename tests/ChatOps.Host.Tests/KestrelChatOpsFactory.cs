using System.Net;
using System.Net.Sockets;
using ChatOps.Core.Mitigations;
using ChatOps.TestKit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatOps.Host.Tests;

/// <summary>
/// The host on a real loopback socket, as a browser needs it. The port is chosen first, so that the page's origin is
/// configured as the workspace's own; the workspace finds the bot at the address the host listens on. No targets are
/// configured, so flags are set on a fake platform: the real executor reads its target before a request can be made.
/// </summary>
public class KestrelChatOpsFactory : ChatOpsFactory
{
    private readonly int _port = FreePort();

    public KestrelChatOpsFactory() => UseKestrel(options => options.Listen(IPAddress.Loopback, _port));

    /// <summary>Where the host listens once started, for servers that call it (Alertmanager, Prometheus).</summary>
    public Uri Address => new($"http://127.0.0.1:{_port}/");

    /// <summary>Where set-flag mitigations land; the model flag starts at the usual model.</summary>
    public FakeMitigationExecutor Flags { get; } = new("set-flag", "claude-3-5-sonnet");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("LocalWorkspace:Origins:0", $"http://127.0.0.1:{_port}");
        builder.UseSetting("LocalWorkspace:BotUrl", "");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IMitigationExecutor>();
            services.AddSingleton<IMitigationExecutor>(Flags);
        });
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
