using ChatOps.TestKit.Servers;

namespace ChatOps.Host.Tests;

/// <summary>
/// One PostgreSQL and one Redis server for the tests that run hosts as replicas; each test takes a database of its own.
/// The tests of the collection run one after another, so one of them may stop the server.
/// </summary>
public sealed class ReplicaServers : IAsyncLifetime
{
    private int _databases;

    public PostgresServer Postgres { get; } = new();

    public RedisServer Redis { get; } = new(seed: false);

    /// <summary>The bot's Redis connection as the replicas are configured with it (the server's default user).</summary>
    public string RedisConnection => $"127.0.0.1:{Redis.Port}";

    public Task<string> CreateDatabaseAsync() => Postgres.CreateDatabaseAsync($"chatops_{Interlocked.Increment(ref _databases)}");

    public async Task InitializeAsync()
    {
        await Postgres.StartAsync(platform: false);
        await Redis.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Redis.DisposeAsync();
        await Postgres.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ReplicaCollection : ICollectionFixture<ReplicaServers>
{
    public const string Name = "replicas on PostgreSQL and Redis";
}
