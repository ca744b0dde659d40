using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ChatOps.Bench;

/// <summary>A server started as a child process on a free loopback port, ended when the run is over.</summary>
internal sealed class ChildServer : IAsyncDisposable
{
    public const string Secret = "bench-signing-secret";
    private readonly Process _process;
    private readonly string? _folder;

    private ChildServer(Process process, Uri address, string? folder) => (_process, Address, _folder) = (process, address, folder);

    public Uri Address { get; }

    public static Task<ChildServer> StartBareAsync()
    {
        var port = FreePort();
        var self = typeof(ChildServer).Assembly.Location;
        var info = Environment.ProcessPath!.EndsWith("dotnet", StringComparison.Ordinal)
            ? new ProcessStartInfo(Environment.ProcessPath, [self, "bare", port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
            : new ProcessStartInfo(Environment.ProcessPath, ["bare", port.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        return StartAsync(info, port, null);
    }

    /// <summary>The real host in its embedded default (SQLite, local workspace), from its build output beside this one.</summary>
    public static Task<ChildServer> StartHostAsync()
    {
        var port = FreePort();
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var root = output.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        var host = Path.Combine(root, "src", "ChatOps.Host", "bin", output.Parent!.Name, output.Name, "ChatOps.Host.dll");
        var folder = Directory.CreateTempSubdirectory("chatops-bench-").FullName;
        var info = new ProcessStartInfo("dotnet", [host]) { WorkingDirectory = folder };
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        info.Environment["SLACK_SIGNING_SECRET"] = Secret;
        // The bot answers through the local workspace, in memory, as in development.
        info.Environment["LocalWorkspace__Enabled"] = "true";
        info.Environment["Storage__Sqlite__Path"] = Path.Combine(folder, "chatops.db");
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        // Every declaration queues background work; room for all of a run keeps the acknowledgement from waiting on the queue.
        info.Environment["Work__Capacity"] = "1000000";
        return StartAsync(info, port, folder);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        if (_folder is not null) Directory.Delete(_folder, recursive: true);
    }

    private static async Task<ChildServer> StartAsync(ProcessStartInfo info, int port, string? folder)
    {
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        var process = Process.Start(info) ?? throw new InvalidOperationException($"{info.FileName} did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var address = new Uri($"http://127.0.0.1:{port}/");
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(2) };
        for (var attempt = 0; attempt < 300; attempt++)
        {
            try
            {
                if ((await client.GetAsync("healthz")).StatusCode == HttpStatusCode.OK) return new ChildServer(process, address, folder);
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            if (process.HasExited) break;
            await Task.Delay(100);
        }
        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException($"{info.FileName} {string.Join(' ', info.ArgumentList)} did not become healthy.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
