using ChatOps.TestKit;
using ChatOps.Core.Delivery;
using ChatOps.TestKit.Servers;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace ChatOps.Redis.Tests;

/// <summary>Redis stops under a running replica: nothing throws, nothing is dropped, readiness says Degraded.</summary>
public sealed class RedisOutageTests
{
    [Fact]
    public async Task When_redis_stops_claims_fall_back_in_process_pacing_and_groups_go_on_and_readiness_is_degraded()
    {
        var server = new RedisServer(seed: false);
        await server.StartAsync();
        await using var replica = Replica.Of(server);
        Assert.True(await replica.Claims.TryClaimAsync("before", TimeSpan.FromMinutes(5), CancellationToken.None));
        Assert.Equal(HealthStatus.Healthy, (await replica.ReadinessAsync()).Status);

        await server.DisposeAsync();

        Assert.True(await replica.Claims.TryClaimAsync("during", TimeSpan.FromMinutes(5), CancellationToken.None));
        Assert.False(await replica.Claims.TryClaimAsync("during", TimeSpan.FromMinutes(5), CancellationToken.None));
        Assert.Equal(TimeSpan.Zero, await replica.Pace.TakeAsync("slack:update", 2, TimeSpan.FromMinutes(1), CancellationToken.None));
        Assert.Equal(TimeSpan.Zero, await replica.Pace.TakeAsync("slack:update", 2, TimeSpan.FromMinutes(1), CancellationToken.None));
        Assert.True(await replica.Pace.TakeAsync("slack:update", 2, TimeSpan.FromMinutes(1), CancellationToken.None) > TimeSpan.Zero);
        var reads = 0;
        for (var i = 0; i < 2; i++)
        {
            var members = await replica.Groups.GetOrLoadAsync("slack", "S1", TimeSpan.FromMinutes(1), _ =>
            {
                reads++;
                return Task.FromResult<IReadOnlyCollection<string>>(["U0ALICE001"]);
            }, CancellationToken.None);
            Assert.Contains("U0ALICE001", members);
        }
        Assert.Equal(1, reads);

        var readiness = await replica.ReadinessAsync();
        Assert.Equal(HealthStatus.Degraded, readiness.Status);
        Assert.Equal("redis unreachable: degraded to the database/in-process coordination", readiness.Description);
        Assert.Single(replica.Logs.Lines, l => l.Category == typeof(SharedRedis).FullName && l.Level == LogLevel.Warning);
    }

    [Fact]
    public async Task A_redis_that_is_down_at_start_does_not_stop_the_replica()
    {
        // A port nothing listens on: the replica starts, claims in process, and says it is degraded.
        await using var replica = Replica.Of($"127.0.0.1:{Loopback.FreePort()},connectTimeout=500");

        Assert.True(await replica.Claims.TryClaimAsync("first", TimeSpan.FromMinutes(5), CancellationToken.None));
        Assert.False(await replica.Claims.TryClaimAsync("first", TimeSpan.FromMinutes(5), CancellationToken.None));
        Assert.Equal(HealthStatus.Degraded, (await replica.ReadinessAsync()).Status);
    }

    [Fact]
    public async Task Without_a_connection_string_nothing_of_redis_is_registered()
    {
        await using var replica = Replica.Of((string?)null);

        Assert.IsType<InMemoryDeliveryDeduplicator>(replica.Claims);
        Assert.Null(replica.GetOptional<StackExchange.Redis.IConnectionMultiplexer>());
    }
}
