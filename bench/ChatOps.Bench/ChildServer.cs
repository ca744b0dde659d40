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
        return StartAsync(info, port, null, "healthz");
    }

    /// <summary>
    /// The real host from its build output beside this one, answering through the local workspace; its stores are the
    /// embedded default (SQLite) unless <paramref name="environment"/> names others (<c>ConnectionStrings__…</c>).
    /// It counts as started once <c>/readyz</c> answers 200 (its storage took a write).
    /// </summary>
    public static Task<ChildServer> StartHostAsync(IReadOnlyDictionary<string, string> environment)
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
        // Relative paths (the SQLite file under data/) land in the throwaway folder.
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        // Every declaration queues background work; room for all of a run keeps the acknowledgement from waiting on the queue.
        info.Environment["Work__Capacity"] = "1000000";
        foreach (var (name, value) in environment) info.Environment[name] = value;
        return StartAsync(info, port, folder, "readyz");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        if (_folder is not null) Directory.Delete(_folder, recursive: true);
    }

    private static async Task<ChildServer> StartAsync(ProcessStartInfo info, int port, string? folder, string ready)
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
        var last = "no answer";
        for (var attempt = 0; attempt < 300; attempt++)
        {
            try
            {
                using var answer = await client.GetAsync(ready);
                if (answer.StatusCode == HttpStatusCode.OK) return new ChildServer(process, address, folder);
                last = $"{(int)answer.StatusCode} {(await answer.Content.ReadAsStringAsync()).ReplaceLineEndings(" ").Trim()}";
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                last = $"/{ready} took longer than {client.Timeout.TotalSeconds:0} s";
            }
            if (process.HasExited) break;
            await Task.Delay(100);
        }
        var exited = process.HasExited ? $"exited with {process.ExitCode}" : "was still starting after 30 s";
        process.Kill(entireProcessTree: true);
        process.Dispose();
        if (folder is not null) Directory.Delete(folder, recursive: true);
        throw new InvalidOperationException($"{Path.GetFileName(info.ArgumentList[0])} {exited}; last /{ready}: {last}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
