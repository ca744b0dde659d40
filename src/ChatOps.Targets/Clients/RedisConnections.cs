using System.Collections.Concurrent;
using ChatOps.Core.Checks;
using StackExchange.Redis;

namespace ChatOps.Targets.Clients;

/// <summary>
/// One multiplexer per Redis target, shared by every check and mitigation, as StackExchange.Redis intends
/// (https://stackexchange.github.io/StackExchange.Redis/Basics). A failed connect is forgotten, so the next check tries again.
/// </summary>
internal sealed class RedisConnections : IAsyncDisposable, IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<ConnectionMultiplexer>>> _connections = new(StringComparer.OrdinalIgnoreCase);

    public async Task<ConnectionMultiplexer> GetAsync(string targetName, string connectionString, CancellationToken cancellationToken)
    {
        var lazy = _connections.GetOrAdd(targetName, _ => new Lazy<Task<ConnectionMultiplexer>>(() => ConnectAsync(connectionString)));
        try
        {
            return await lazy.Value.WaitAsync(cancellationToken);
        }
        catch (RedisConnectionException e)
        {
            _connections.TryRemove(new KeyValuePair<string, Lazy<Task<ConnectionMultiplexer>>>(targetName, lazy));
            throw new CheckFailedException($"cannot reach Redis target '{targetName}': {FirstLine(e.Message)}", e);
        }
    }

    private static Task<ConnectionMultiplexer> ConnectAsync(string connectionString)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        options.ClientName ??= "chatops";
        // Fail the connect instead of queueing commands for a server that is not there: the check reports it.
        options.AbortOnConnectFail = true;
        // StackExchange.Redis counts INFO among "admin" commands. Checks send only GET, INFO and SCAN, mitigations their
        // few scripts; the real fence is the target's Redis ACL user (README), not this client switch.
        options.AllowAdmin = true;
        // The client's tie-breaker read on connect is a keyspace miss: it would skew the very hit rate a check reports.
        options.TieBreaker = "";
        // Nor does a check need primary-change broadcasts: no SUBSCRIBE, so a read-only ACL user suffices.
        options.ConfigurationChannel = "";
        return ConnectionMultiplexer.ConnectAsync(options);
    }

    private static string FirstLine(string text) => text.ReplaceLineEndings("\n").Split('\n', 2)[0];

    public void Dispose()
    {
        foreach (var lazy in _connections.Values)
        {
            if (lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully)
                lazy.Value.Result.Dispose();
        }
        _connections.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var lazy in _connections.Values)
        {
            if (lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully)
                await lazy.Value.Result.DisposeAsync();
        }
        _connections.Clear();
    }
}
