using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;

namespace ChatOps.Host.Tests;

/// <summary>
/// The host on a real loopback socket, as a browser needs it. The port is chosen first, so that the page's origin is
/// configured as the workspace's own; the workspace finds the bot at the address the host listens on.
/// </summary>
public sealed class KestrelChatOpsFactory : ChatOpsFactory
{
    private readonly int _port = FreePort();

    public KestrelChatOpsFactory() => UseKestrel(options => options.Listen(IPAddress.Loopback, _port));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("LocalWorkspace:Origins:0", $"http://127.0.0.1:{_port}");
        builder.UseSetting("LocalWorkspace:BotUrl", "");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
