using ChatOps.TestKit.Servers;

namespace ChatOps.Redis.Tests;

public sealed class DeliveryClaimTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Two_replicas_claiming_the_same_delivery_let_exactly_one_win()
    {
        await using var first = Replica.Of(redis.Server);
        await using var second = Replica.Of(redis.Server);
        var key = "event:" + Guid.NewGuid();

        var claims = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            (i % 2 == 0 ? first : second).Claims.TryClaimAsync(key, Window, CancellationToken.None).AsTask()));

        Assert.Single(claims, claimed => claimed);
    }

    [Fact]
    public async Task A_claim_given_back_by_one_replica_can_be_taken_by_another_at_once()
    {
        await using var first = Replica.Of(redis.Server);
        await using var second = Replica.Of(redis.Server);
        var key = "click:" + Guid.NewGuid();

        Assert.True(await first.Claims.TryClaimAsync(key, Window, CancellationToken.None));
        await first.Claims.ReleaseAsync(key, CancellationToken.None);

        Assert.False(await redis.Server.Admin.GetDatabase().KeyExistsAsync("chatops:claim:" + key));
        Assert.True(await second.Claims.TryClaimAsync(key, Window, CancellationToken.None));
    }

    [Fact]
    public async Task A_claim_expires_with_its_window_and_can_then_be_claimed_again()
    {
        await using var first = Replica.Of(redis.Server);
        await using var second = Replica.Of(redis.Server);
        var key = "event:" + Guid.NewGuid();
        var window = TimeSpan.FromMilliseconds(300);
        var db = redis.Server.Admin.GetDatabase();

        Assert.True(await first.Claims.TryClaimAsync(key, window, CancellationToken.None));
        Assert.False(await second.Claims.TryClaimAsync(key, window, CancellationToken.None));
        var ttl = await db.KeyTimeToLiveAsync("chatops:claim:" + key);
        Assert.InRange(ttl!.Value, TimeSpan.FromTicks(1), window);

        await Eventually.WaitAsync(async () => await db.KeyTimeToLiveAsync("chatops:claim:" + key) is null,
            TimeSpan.FromSeconds(10), () => "the claim has not expired");
        Assert.True(await second.Claims.TryClaimAsync(key, window, CancellationToken.None));
    }

    [Fact]
    public async Task Claims_are_kept_small_under_their_own_prefix()
    {
        await using var replica = Replica.Of(redis.Server);
        var key = "trigger:" + Guid.NewGuid();

        Assert.True(await replica.Claims.TryClaimAsync(key, Window, CancellationToken.None));

        Assert.Equal("1", (string?)await redis.Server.Admin.GetDatabase().StringGetAsync("chatops:claim:" + key));
    }
}
