using System.Net;
using System.Net.Sockets;

namespace ChatOps.TestKit.Servers;

/// <summary>
/// A loopback port that counts every connection made to it and closes it at once: configure a target here, and any
/// check or mitigation that reaches it, whatever its protocol, shows in <see cref="Connections"/>.
/// </summary>
public sealed class Tripwire : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _connections;

    public Tripwire()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public int Port { get; }

    public int Connections => Volatile.Read(ref _connections);

    /// <summary>A <c>Targets</c> section whose every target the runbooks name leads here.</summary>
    public Dictionary<string, string?> TargetSettings()
    {
        var http = $"http://127.0.0.1:{Port}";
        var redis = $"127.0.0.1:{Port},connectTimeout=1000,connectRetry=0,abortConnect=false";
        return new()
        {
            ["Targets:metrics:Kind"] = "prometheus",
            ["Targets:metrics:Url"] = http,
            ["Targets:vllm:Kind"] = "http",
            ["Targets:vllm:Url"] = http,
            ["Targets:rag:Kind"] = "http",
            ["Targets:rag:Url"] = http,
            ["Targets:embeddings:Kind"] = "http",
            ["Targets:embeddings:Url"] = http,
            ["Targets:platform-redis:Kind"] = "redis",
            ["Targets:platform-redis:ConnectionString"] = redis,
            ["Targets:platform-db:Kind"] = "postgres",
            ["Targets:platform-db:ConnectionString"] = $"Host=127.0.0.1;Port={Port};Username=nobody;Password=nothing;Timeout=2",
            ["Targets:cluster:Kind"] = "kubernetes",
            ["Targets:cluster:Namespace"] = "llm",
            ["Targets:cluster:Server"] = http,
            ["Targets:flags:Kind"] = "redis",
            ["Targets:flags:ConnectionString"] = redis,
            ["Targets:flags:Hash"] = "platform:flags",
        };
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                Interlocked.Increment(ref _connections);
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
