using ChatOps.TestKit.Servers;
using Npgsql;

namespace ChatOps.Bench;

/// <summary>
/// Throwaway PostgreSQL and Redis servers started from the machine's binaries as the tests start them, with a fresh,
/// empty <c>chatops</c> database for the host, and the settings that point the host at both.
/// </summary>
internal sealed class PostgresAndRedis : IAsyncDisposable
{
    private const string Database = "chatops";
    private readonly PostgresServer _postgres = new();
    private readonly RedisServer _redis = new(seed: false);

    private string BotConnectionString =>
        new NpgsqlConnectionStringBuilder(_postgres.AdminConnectionString) { Database = Database, Pooling = true }.ConnectionString;

    public IReadOnlyDictionary<string, string> HostEnvironment => new Dictionary<string, string>
    {
        ["ConnectionStrings__Postgres"] = BotConnectionString,
        // The default user with every command: the host's coordination, not the checks' read-only ACL user.
        ["ConnectionStrings__Redis"] = $"127.0.0.1:{_redis.Port}",
    };

    public async Task StartAsync()
    {
        await Task.WhenAll(_postgres.StartAsync(), _redis.StartAsync());
        await using var admin = new NpgsqlConnection(_postgres.AdminConnectionString);
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {Database}", admin);
        await create.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Tables the host created in its database. None means it stored elsewhere: a host without the PostgreSQL store
    /// ignores the setting and falls back to SQLite, and its numbers would be SQLite's.
    /// </summary>
    public async Task<long> HostTablesAsync()
    {
        await using var bot = new NpgsqlConnection(BotConnectionString);
        await bot.OpenAsync();
        await using var count = new NpgsqlCommand(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')", bot);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await _redis.DisposeAsync();
        await _postgres.DisposeAsync();
    }
}
