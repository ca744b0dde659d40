namespace ChatOps.Redis.Tests;

public sealed class PaceTokenTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    // Long enough that no token comes back while the test runs, so the answers depend on the takes alone.
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Two_replicas_take_from_one_bucket_so_the_take_past_the_burst_waits()
    {
        await using var first = Replica.Of(redis.Server);
        await using var second = Replica.Of(redis.Server);
        var lane = "slack:post:C" + Guid.NewGuid().ToString("N");

        var burst = new[]
        {
            await first.Pace.TakeAsync(lane, 3, Interval, CancellationToken.None),
            await second.Pace.TakeAsync(lane, 3, Interval, CancellationToken.None),
            await first.Pace.TakeAsync(lane, 3, Interval, CancellationToken.None),
        };
        var fourth = await second.Pace.TakeAsync(lane, 3, Interval, CancellationToken.None);
        var fifth = await first.Pace.TakeAsync(lane, 3, Interval, CancellationToken.None);

        Assert.All(burst, wait => Assert.Equal(TimeSpan.Zero, wait));
        Assert.InRange(fourth, TimeSpan.FromTicks(1), Interval);
        // The fifth waits behind the fourth's reservation too: about one interval more.
        Assert.InRange(fifth - fourth, Interval - TimeSpan.FromSeconds(1), Interval);
    }

    [Fact]
    public async Task Each_lane_has_its_own_bucket_and_the_key_expires()
    {
        await using var replica = Replica.Of(redis.Server);
        var lane = "slack:post:C" + Guid.NewGuid().ToString("N");

        Assert.Equal(TimeSpan.Zero, await replica.Pace.TakeAsync(lane, 1, Interval, CancellationToken.None));
        Assert.True(await replica.Pace.TakeAsync(lane, 1, Interval, CancellationToken.None) > TimeSpan.Zero);
        Assert.Equal(TimeSpan.Zero, await replica.Pace.TakeAsync(lane + "-other", 1, Interval, CancellationToken.None));

        var ttl = await redis.Server.Admin.GetDatabase().KeyTimeToLiveAsync("chatops:pace:" + lane);
        Assert.NotNull(ttl);
    }

    [Fact]
    public async Task A_lane_without_an_interval_never_waits()
    {
        await using var replica = Replica.Of(redis.Server);

        for (var i = 0; i < 5; i++)
            Assert.Equal(TimeSpan.Zero, await replica.Pace.TakeAsync("slack:update", 1, TimeSpan.Zero, CancellationToken.None));
    }
}
