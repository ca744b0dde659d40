using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ChatOps.Host.Tests;

/// <summary>The host started as operators start it: its own process, its own port, configuration by environment.</summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Seen)> _awaited = [];

    private HostProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    public static HostProcess Start(IReadOnlyDictionary<string, string> environment, params string[] args) => Start(_ => environment, null, args);

    /// <summary>Starts it with settings that may name its address, from <paramref name="workingDirectory"/> (default: beside its binaries).</summary>
    public static HostProcess Start(Func<Uri, IReadOnlyDictionary<string, string>> environment, string? workingDirectory, params string[] args) =>
        Start(Path.Combine(AppContext.BaseDirectory, "ChatOps.Host.dll"), environment, workingDirectory ?? AppContext.BaseDirectory, args);

    /// <summary>Starts the host of <paramref name="dll"/>, such as a published build; an empty setting is removed from the environment.</summary>
    public static HostProcess Start(
        string dll, Func<Uri, IReadOnlyDictionary<string, string>> environment, string workingDirectory, params string[] args)
    {
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["ASPNETCORE_URLS"] = address.ToString();
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment(address))
        {
            if (value.Length == 0) start.Environment.Remove(key);
            else start.Environment[key] = value;
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var host = new HostProcess(process, address);
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Waits for <c>/healthz</c> to answer, or for the process to exit; returns whether it is up.</summary>
    public async Task<bool> WaitUntilLiveAsync(HttpClient client)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (!deadline.IsCancellationRequested)
        {
            if (_process.HasExited) return false;
            try
            {
                using var response = await client.GetAsync(new Uri(Address, "/healthz"), deadline.Token);
                if (response.StatusCode == HttpStatusCode.OK) return true;
            }
            catch (HttpRequestException)
            {
                // Not listening yet: the next attempt follows the process's own start.
            }
            await Task.WhenAny(_process.WaitForExitAsync(deadline.Token), Task.Delay(100, deadline.Token));
        }
        return false;
    }

    /// <summary><c>kill -9</c>: the process gets no chance to do anything more.</summary>
    public async Task CrashAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, as Kubernetes and systemd stop a process; returns its exit code once it has stopped.</summary>
    public Task<int> TerminateAsync()
    {
        if (Signal(_process.Id, Sigterm) != 0) throw new InvalidOperationException($"SIGTERM to {_process.Id} failed.");
        return WaitForExitAsync();
    }

    private const int Sigterm = 15;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Signal(int pid, int signal);

    public async Task<int> WaitForExitAsync()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await _process.WaitForExitAsync(deadline.Token);
        _process.WaitForExit(); // Flushes the redirected output.
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    /// <summary>The first line of output (printed before or after the call) that matches; fails after two minutes.</summary>
    public async Task<string> LineAsync(Func<string, bool> match)
    {
        var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_output)
        {
            if (_output.ToString().Split('\n').FirstOrDefault(match) is { } printed) return printed;
            _awaited.Add((match, seen));
        }
        try
        {
            return await seen.Task.WaitAsync(TimeSpan.FromMinutes(2));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No such line in the host's output:\n{Output}");
        }
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output)
        {
            _output.AppendLine(line);
            foreach (var waiter in _awaited.Where(a => a.Match(line)).ToList())
            {
                waiter.Seen.TrySetResult(line);
                _awaited.Remove(waiter);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
