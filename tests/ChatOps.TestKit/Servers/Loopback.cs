using System.Net;
using System.Net.Sockets;

namespace ChatOps.TestKit.Servers;

public static class Loopback
{
    /// <summary>A loopback port nobody listens on now; the server about to start takes it.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static DirectoryInfo TempFolder(string prefix) => Directory.CreateTempSubdirectory(prefix);
}
