using ChatOps.TestKit.Servers;

namespace ChatOps.Redis.Tests;

/// <summary>One redis-server shared by the tests that leave it running; each test uses keys of its own.</summary>
public sealed class RedisFixture : IAsyncLifetime
{
    public RedisServer Server { get; } = new(seed: false);

    public Task InitializeAsync() => Server.StartAsync();

    public Task DisposeAsync() => Server.DisposeAsync().AsTask();
}
