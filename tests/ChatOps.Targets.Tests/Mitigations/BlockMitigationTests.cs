using ChatOps.Core.Checks;
using ChatOps.Core.Mitigations;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Runs;
using ChatOps.Targets.Tests.Fixtures;
using ChatOps.TestKit.Servers;
using StackExchange.Redis;

namespace ChatOps.Targets.Tests.Mitigations;

/// <summary>
/// block on the <c>platform-redis</c> target, pointed at the mitigations' own Redis as its ACL user: the key <c>blocked:{subject}</c>.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class BlockMitigationTests(PlatformFixture platform)
{
    private static readonly BlockAction For24h = new("platform-redis", TimeSpan.FromHours(24));
    private static readonly BlockAction For1h = new("platform-redis", TimeSpan.FromHours(1));
    private static readonly BlockAction Forever = new("platform-redis", null);

    private IDatabase Redis => platform.MitigationRedis.Admin.GetDatabase();

    private static string User() => Executors.UniqueName("user");

    private async Task<T> WithExecutorAsync<T>(Func<IMitigationExecutor, Task<T>> act, Action<Dictionary<string, string?>>? change = null)
    {
        await using var services = platform.Services(s =>
        {
            s["Targets:platform-redis:ConnectionString"] = platform.MitigationRedis.MitigationConnectionString;
            change?.Invoke(s);
        });
        return await act(Executors.Of(services, "block"));
    }

    [Fact]
    public async Task A_user_is_blocked_with_the_expiry_and_revert_removes_the_block()
    {
        var user = User();

        var applied = await WithExecutorAsync(e => e.ApplyAsync(For24h, user, CancellationToken.None));

        Assert.Equal("1", await Redis.StringGetAsync($"blocked:{user}"));
        var ttl = await Redis.KeyTimeToLiveAsync($"blocked:{user}");
        Assert.InRange(ttl!.Value, TimeSpan.FromHours(23), TimeSpan.FromHours(24));
        Assert.Equal($"{user} not blocked", applied.Before.Description);
        Assert.Equal("false", applied.Before.Values["blocked"]);
        Assert.Equal($"{user} blocked for another 1d", applied.After.Description);

        var reverted = await WithExecutorAsync(e => e.RevertAsync(For24h, user, applied.Before, CancellationToken.None));

        Assert.False(await Redis.KeyExistsAsync($"blocked:{user}"));
        Assert.Equal($"{user} not blocked", reverted.After.Description);
    }

    [Fact]
    public async Task Without_an_expiry_the_block_stays()
    {
        var user = User();

        var applied = await WithExecutorAsync(e => e.ApplyAsync(Forever, user, CancellationToken.None));

        Assert.Null(await Redis.KeyTimeToLiveAsync($"blocked:{user}"));
        Assert.True(await Redis.KeyExistsAsync($"blocked:{user}"));
        Assert.Equal($"{user} blocked with no expiry", applied.After.Description);
    }

    [Fact]
    public async Task A_shorter_block_is_extended_and_revert_restores_its_value_and_expiry()
    {
        var user = User();
        await Redis.StringSetAsync($"blocked:{user}", "rate-limit violations", TimeSpan.FromMinutes(10));

        var applied = await WithExecutorAsync(e => e.ApplyAsync(For24h, user, CancellationToken.None));

        Assert.Equal("rate-limit violations", await Redis.StringGetAsync($"blocked:{user}"));
        Assert.InRange((await Redis.KeyTimeToLiveAsync($"blocked:{user}"))!.Value, TimeSpan.FromHours(23), TimeSpan.FromHours(24));
        Assert.Equal("true", applied.Before.Values["blocked"]);
        Assert.Equal("rate-limit violations", applied.Before.Values["value"]);

        await WithExecutorAsync(e => e.RevertAsync(For24h, user, applied.Before, CancellationToken.None));

        Assert.Equal("rate-limit violations", await Redis.StringGetAsync($"blocked:{user}"));
        // Restored to the recorded moment of expiry, so what is left is at most the 10 minutes there were.
        Assert.InRange((await Redis.KeyTimeToLiveAsync($"blocked:{user}"))!.Value, TimeSpan.FromMinutes(8), TimeSpan.FromMinutes(10));
    }

    [Fact]
    public async Task A_longer_or_permanent_block_is_never_weakened()
    {
        var (longer, permanent) = (User(), User());
        await Redis.StringSetAsync($"blocked:{longer}", "1", TimeSpan.FromDays(7));
        await Redis.StringSetAsync($"blocked:{permanent}", "fraud");

        var keptLonger = await WithExecutorAsync(e => e.ApplyAsync(For24h, longer, CancellationToken.None));
        var keptPermanent = await WithExecutorAsync(e => e.ApplyAsync(For24h, permanent, CancellationToken.None));

        Assert.InRange((await Redis.KeyTimeToLiveAsync($"blocked:{longer}"))!.Value, TimeSpan.FromDays(6), TimeSpan.FromDays(7));
        Assert.Null(await Redis.KeyTimeToLiveAsync($"blocked:{permanent}"));
        Assert.Equal("fraud", await Redis.StringGetAsync($"blocked:{permanent}"));
        Assert.Equal(keptPermanent.Before.Description, keptPermanent.After.Description);
        Assert.StartsWith($"{longer} blocked for another ", keptLonger.After.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_permanent_block_over_an_expiring_one_is_reverted_to_the_expiry()
    {
        var user = User();
        await Redis.StringSetAsync($"blocked:{user}", "1", TimeSpan.FromHours(2));

        var applied = await WithExecutorAsync(e => e.ApplyAsync(Forever, user, CancellationToken.None));
        Assert.Null(await Redis.KeyTimeToLiveAsync($"blocked:{user}"));

        await WithExecutorAsync(e => e.RevertAsync(Forever, user, applied.Before, CancellationToken.None));

        Assert.InRange((await Redis.KeyTimeToLiveAsync($"blocked:{user}"))!.Value, TimeSpan.FromHours(1), TimeSpan.FromHours(2));
    }

    [Fact]
    public async Task A_recorded_block_whose_expiry_has_passed_is_not_brought_back()
    {
        var user = User();
        await Redis.StringSetAsync($"blocked:{user}", "1");
        var expired = new MitigationState($"{user} blocked", new Dictionary<string, string> { ["blocked"] = "true", ["value"] = "1", ["expiresAtMs"] = "1000" });

        await WithExecutorAsync(e => e.RevertAsync(For1h, user, expired, CancellationToken.None));

        Assert.False(await Redis.KeyExistsAsync($"blocked:{user}"));
    }

    [Fact]
    public async Task An_ipv6_address_is_blocked_under_its_canonical_form()
    {
        await Redis.KeyDeleteAsync("blocked:2001:db8::7");

        await WithExecutorAsync(e => e.ApplyAsync(For1h, "2001:DB8:0::7", CancellationToken.None));

        Assert.True(await Redis.KeyExistsAsync("blocked:2001:db8::7"));
        await Redis.KeyDeleteAsync("blocked:2001:db8::7");
    }

    [Fact]
    public async Task Preview_reads_the_live_state_and_changes_nothing()
    {
        var (free, blocked) = (User(), User());
        await Redis.StringSetAsync($"blocked:{blocked}", "1");

        var previewFree = await WithExecutorAsync(e => e.PreviewAsync(For24h, free, CancellationToken.None));
        var previewBlocked = await WithExecutorAsync(e => e.PreviewAsync(For24h, blocked, CancellationToken.None));

        Assert.Equal($"{free} not blocked", previewFree.Current.Description);
        Assert.Equal($"{free} blocked for 1d", previewFree.Planned);
        Assert.Equal($"{blocked} blocked with no expiry", previewBlocked.Current.Description);
        Assert.Equal($"{blocked} stays blocked with no expiry", previewBlocked.Planned);
        Assert.False(await Redis.KeyExistsAsync($"blocked:{free}"));
        Assert.Null(await Redis.KeyTimeToLiveAsync($"blocked:{blocked}"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("blocked:*")]
    [InlineData("user 1")]
    public async Task An_invalid_subject_is_refused_before_redis_is_asked(string subject)
    {
        var keys = await Redis.ExecuteAsync("DBSIZE");

        await Assert.ThrowsAsync<MitigationFailedException>(() => WithExecutorAsync(e => e.ApplyAsync(For1h, subject, CancellationToken.None)));

        Assert.Equal((long)keys, (long)await Redis.ExecuteAsync("DBSIZE"));
    }

    [Fact]
    public async Task The_key_pattern_comes_from_the_target()
    {
        var user = User();

        await WithExecutorAsync(e => e.ApplyAsync(For1h, user, CancellationToken.None), s =>
        {
            s["Targets:platform-redis:BlockKey"] = "denylist:{subject}:v1";
            s["Targets:platform-redis:ConnectionString"] = $"127.0.0.1:{platform.MitigationRedis.Port}";
        });

        Assert.True(await Redis.KeyExistsAsync($"denylist:{user}:v1"));
    }

    [Fact]
    public async Task A_key_of_the_wrong_type_is_refused_and_left_as_it_was()
    {
        var user = User();
        await Redis.HashSetAsync($"blocked:{user}", "reason", "abuse");

        var failed = await Assert.ThrowsAsync<MitigationFailedException>(() => WithExecutorAsync(e => e.ApplyAsync(For1h, user, CancellationToken.None)));

        Assert.StartsWith($"blocking {user} (blocked:{user}): Redis refused: WRONGTYPE", failed.Message, StringComparison.Ordinal);
        Assert.Equal("abuse", await Redis.HashGetAsync($"blocked:{user}", "reason"));
        Assert.Null(await Redis.KeyTimeToLiveAsync($"blocked:{user}"));
    }

    [Fact]
    public async Task The_read_only_check_user_is_refused_by_redis_and_nothing_changes()
    {
        var user = User();

        var failed = await Assert.ThrowsAsync<MitigationFailedException>(() =>
            WithExecutorAsync(e => e.ApplyAsync(For1h, user, CancellationToken.None), s => s["Targets:platform-redis:ConnectionString"] = platform.MitigationRedis.ConnectionString));

        Assert.StartsWith($"blocking {user} (blocked:{user}): Redis refused: NOPERM", failed.Message, StringComparison.Ordinal);
        Assert.False(await Redis.KeyExistsAsync($"blocked:{user}"));
    }

    [Theory]
    [InlineData("dead-redis", "cannot reach Redis target 'dead-redis': ")]
    [InlineData("nowhere", "target 'nowhere' is not configured")]
    [InlineData("cluster", "target 'cluster' is a kubernetes target; block needs a redis target")]
    public async Task A_target_that_cannot_block_says_why(string target, string reason)
    {
        var failed = await Assert.ThrowsAsync<MitigationFailedException>(() =>
            WithExecutorAsync(e => e.ApplyAsync(new BlockAction(target, null), "user-1", CancellationToken.None)));

        Assert.StartsWith(reason, failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Block_needs_no_more_than_the_mitigation_acl_user_has()
    {
        await Redis.ExecuteAsync("ACL", "LOG", "RESET");
        var user = User();

        await WithExecutorAsync(e => e.PreviewAsync(For1h, user, CancellationToken.None));
        var applied = await WithExecutorAsync(e => e.ApplyAsync(For1h, user, CancellationToken.None));
        await WithExecutorAsync(e => e.RevertAsync(For1h, user, applied.Before, CancellationToken.None));

        var denied = (RedisResult[])(await Redis.ExecuteAsync("ACL", "LOG"))!;
        Assert.True(denied.Length == 0, $"the ACL user was denied: {string.Join("; ", denied.Select(d => string.Join(" ", ((RedisResult[])d!).Select(x => x.ToString()))))}");
    }
}
