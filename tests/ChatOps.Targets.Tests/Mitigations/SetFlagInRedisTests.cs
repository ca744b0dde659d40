using ChatOps.Core.Checks;
using ChatOps.Core.Mitigations;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Runs;
using ChatOps.Targets.Tests.Fixtures;
using ChatOps.TestKit.Servers;
using StackExchange.Redis;

namespace ChatOps.Targets.Tests.Mitigations;

/// <summary>set-flag on the <c>flags</c> target: a field of the hash <c>platform:flags</c> in the mitigations' Redis, as its ACL user.</summary>
[Collection(PlatformCollection.Name)]
public sealed class SetFlagInRedisTests(PlatformFixture platform)
{
    private IDatabase Redis => platform.MitigationRedis.Admin.GetDatabase();

    private static string Flag() => Executors.UniqueName("FLAG").ToUpperInvariant().Replace('-', '_');

    private async Task<T> WithExecutorAsync<T>(Func<IMitigationExecutor, Task<T>> act, Action<Dictionary<string, string?>>? change = null)
    {
        await using var services = platform.Services(change);
        return await act(Executors.Of(services, "set-flag"));
    }

    [Fact]
    public async Task An_existing_flag_is_changed_and_revert_restores_its_exact_value()
    {
        var flag = Flag();
        await Redis.HashSetAsync(RedisServer.FlagsHash, flag, "0.25 ");
        var action = new SetFlagAction("flags", flag, "0.7");

        var applied = await WithExecutorAsync(e => e.ApplyAsync(action, null, CancellationToken.None));

        Assert.Equal("0.7", await Redis.HashGetAsync(RedisServer.FlagsHash, flag));
        Assert.Equal($"{flag}=0.25  (Redis hash platform:flags)", applied.Before.Description);
        Assert.Equal($"{flag}=0.7 (Redis hash platform:flags)", applied.After.Description);

        var reverted = await WithExecutorAsync(e => e.RevertAsync(action, null, applied.Before, CancellationToken.None));

        Assert.Equal("0.25 ", await Redis.HashGetAsync(RedisServer.FlagsHash, flag));
        Assert.Equal(applied.After.Description, reverted.Before.Description);
    }

    [Fact]
    public async Task An_absent_flag_is_recorded_as_absent_and_revert_removes_it()
    {
        var flag = Flag();
        var action = new SetFlagAction("flags", flag, "true");

        var applied = await WithExecutorAsync(e => e.ApplyAsync(action, null, CancellationToken.None));

        Assert.Equal("true", await Redis.HashGetAsync(RedisServer.FlagsHash, flag));
        Assert.Equal($"{flag} unset (Redis hash platform:flags)", applied.Before.Description);
        Assert.Equal("false", applied.Before.Values["present"]);

        await WithExecutorAsync(e => e.RevertAsync(action, null, applied.Before, CancellationToken.None));

        Assert.False(await Redis.HashExistsAsync(RedisServer.FlagsHash, flag));
    }

    [Fact]
    public async Task An_empty_value_is_a_value_not_an_absence()
    {
        var flag = Flag();
        await Redis.HashSetAsync(RedisServer.FlagsHash, flag, "");
        var action = new SetFlagAction("flags", flag, "16");

        var applied = await WithExecutorAsync(e => e.ApplyAsync(action, null, CancellationToken.None));
        await WithExecutorAsync(e => e.RevertAsync(action, null, applied.Before, CancellationToken.None));

        Assert.Equal("true", applied.Before.Values["present"]);
        Assert.True(await Redis.HashExistsAsync(RedisServer.FlagsHash, flag));
        Assert.Equal("", await Redis.HashGetAsync(RedisServer.FlagsHash, flag));
    }

    [Fact]
    public async Task Preview_reads_the_live_value_and_changes_nothing()
    {
        var flag = Flag();
        await Redis.HashSetAsync(RedisServer.FlagsHash, flag, "0");

        var preview = await WithExecutorAsync(e => e.PreviewAsync(new SetFlagAction("flags", flag, "0.1"), null, CancellationToken.None));

        Assert.Equal($"{flag}=0 (Redis hash platform:flags)", preview.Current.Description);
        Assert.Equal($"{flag}=0.1 (Redis hash platform:flags)", preview.Planned);
        Assert.Equal("0", await Redis.HashGetAsync(RedisServer.FlagsHash, flag));
    }

    [Fact]
    public async Task A_key_of_the_wrong_type_is_refused_and_left_as_it_was()
    {
        var hash = Executors.UniqueName("platform:flags");
        await Redis.StringSetAsync(hash, "not a hash");

        var failed = await Assert.ThrowsAsync<MitigationFailedException>(() => WithExecutorAsync(
            e => e.ApplyAsync(new SetFlagAction("flags", "SHED_RATE", "0.1"), null, CancellationToken.None),
            s =>
            {
                // The mitigation user may touch only platform:flags; this key needs an unrestricted user.
                s["Targets:flags:Hash"] = hash;
                s["Targets:flags:ConnectionString"] = $"127.0.0.1:{platform.MitigationRedis.Port}";
            }));

        Assert.StartsWith($"setting SHED_RATE in Redis hash {hash}: Redis refused: WRONGTYPE", failed.Message, StringComparison.Ordinal);
        Assert.Equal("not a hash", await Redis.StringGetAsync(hash));
    }

    [Fact]
    public async Task A_user_without_write_rights_is_refused_by_redis_and_nothing_changes()
    {
        var flag = Flag();

        var failed = await Assert.ThrowsAsync<MitigationFailedException>(() => WithExecutorAsync(
            e => e.ApplyAsync(new SetFlagAction("flags", flag, "1"), null, CancellationToken.None),
            s => s["Targets:flags:ConnectionString"] = platform.MitigationRedis.ConnectionString));

        Assert.StartsWith($"setting {flag} in Redis hash platform:flags: Redis refused: NOPERM", failed.Message, StringComparison.Ordinal);
        Assert.False(await Redis.HashExistsAsync(RedisServer.FlagsHash, flag));
    }

    [Fact]
    public async Task A_redis_target_without_a_hash_says_which_setting_is_missing()
    {
        var failed = await Assert.ThrowsAsync<MitigationFailedException>(() => WithExecutorAsync(
            e => e.ApplyAsync(new SetFlagAction("platform-redis", "SHED_RATE", "0.1"), null, CancellationToken.None)));

        Assert.Equal("target 'platform-redis' has no Hash: set Targets:platform-redis:Hash to the Redis hash the platform reads its flags from", failed.Message);
    }

    [Theory]
    [InlineData("dead-redis", "cannot reach Redis target 'dead-redis': ")]
    [InlineData("nowhere", "target 'nowhere' is not configured")]
    [InlineData("metrics", "target 'metrics' is a prometheus target; set-flag needs a redis or kubernetes target")]
    public async Task A_target_that_cannot_hold_flags_says_why(string target, string reason)
    {
        var failed = await Assert.ThrowsAsync<MitigationFailedException>(() => WithExecutorAsync(
            e => e.ApplyAsync(new SetFlagAction(target, "SHED_RATE", "0.1"), null, CancellationToken.None),
            s => s["Targets:dead-redis:Hash"] = "platform:flags"));

        Assert.StartsWith(reason, failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Set_flag_needs_no_more_than_the_mitigation_acl_user_has()
    {
        await platform.MitigationRedis.Admin.GetDatabase().ExecuteAsync("ACL", "LOG", "RESET");
        var flag = Flag();
        var action = new SetFlagAction("flags", flag, "1");
        await WithExecutorAsync(e => e.PreviewAsync(action, null, CancellationToken.None));
        var applied = await WithExecutorAsync(e => e.ApplyAsync(action, null, CancellationToken.None));
        await WithExecutorAsync(e => e.RevertAsync(action, null, applied.Before, CancellationToken.None));

        var denied = (RedisResult[])(await platform.MitigationRedis.Admin.GetDatabase().ExecuteAsync("ACL", "LOG"))!;
        Assert.True(denied.Length == 0, $"the ACL user was denied: {string.Join("; ", denied.Select(d => string.Join(" ", ((RedisResult[])d!).Select(x => x.ToString()))))}");
    }
}
