using ChatOps.Core.Checks;
using ChatOps.Core.Mitigations;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Runs;
using StackExchange.Redis;

namespace ChatOps.Targets.Mitigations;

/// <summary>
/// Puts a user id or IP address on the platform's blocklist in Redis: the key <c>BlockKey</c> (<c>blocked:{subject}</c>)
/// with the action's expiry. A block already there is never weakened: a longer expiry or none at all is kept, and so is
/// its value. Each step is one Lua script, so the state it records is exactly the state it changed.
/// </summary>
internal sealed class BlockMitigationExecutor(MitigationTargets targets) : IMitigationExecutor
{
    // The value of a new blocklist key; the platform tests for the key's existence.
    internal const string BlockedValue = "1";

    // KEYS[1] the key; ARGV[1] the value of a new key; ARGV[2] the expiry in ms, 0 for none.
    // Returns the old value (nil: absent), its PTTL, the server's time in ms and the PTTL now.
    private const string Block = """
        local old = redis.call('GET', KEYS[1])
        local ttl = redis.call('PTTL', KEYS[1])
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local px = tonumber(ARGV[2])
        if not old then
          if px > 0 then redis.call('SET', KEYS[1], ARGV[1], 'PX', px) else redis.call('SET', KEYS[1], ARGV[1]) end
        elseif px == 0 then
          if ttl >= 0 then redis.call('PERSIST', KEYS[1]) end
        elseif ttl >= 0 and ttl < px then
          redis.call('PEXPIRE', KEYS[1], px)
        end
        return {old, ttl, now, redis.call('PTTL', KEYS[1])}
        """;

    // KEYS[1] the key; ARGV[1] '1' if it was blocked, ARGV[2] its value, ARGV[3] when it expired in ms since the epoch, 0 for never.
    // A block whose recorded expiry has passed would be gone by now, so it is removed. Returns the value, PTTL and time before.
    private const string Restore = """
        local cur = redis.call('GET', KEYS[1])
        local ttl = redis.call('PTTL', KEYS[1])
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local at = tonumber(ARGV[3])
        if ARGV[1] == '1' and at == 0 then
          redis.call('SET', KEYS[1], ARGV[2])
        elseif ARGV[1] == '1' and at > now then
          redis.call('SET', KEYS[1], ARGV[2], 'PX', at - now)
        else
          redis.call('DEL', KEYS[1])
        end
        return {cur, ttl, now}
        """;

    public string Kind => "block";

    public async Task<MitigationPreview> PreviewAsync(MitigationAction action, string? subject, CancellationToken cancellationToken)
    {
        var (redis, key, who) = await ResolveAsync(action, subject, cancellationToken);
        var (value, pttl, now) = await RedisCalls.RunAsync($"reading {key}", async () =>
        {
            var batch = redis.CreateBatch();
            var get = batch.StringGetAsync(key);
            var ttl = batch.ExecuteAsync("PTTL", key);
            var time = batch.ExecuteAsync("TIME");
            batch.Execute();
            var clock = (RedisResult[])(await time)!;
            return ((string?)await get, (long)await ttl, (long)clock[0] * 1000 + (long)clock[1] / 1000);
        }, cancellationToken);
        var current = BlockEntry.Read(who, value, pttl, now);
        return new MitigationPreview(current.State(), Planned(current, pttl, ((BlockAction)action).Expiry));
    }

    public async Task<MitigationOutcome> ApplyAsync(MitigationAction action, string? subject, CancellationToken cancellationToken)
    {
        var (redis, key, who) = await ResolveAsync(action, subject, cancellationToken);
        var expiry = ((BlockAction)action).Expiry;
        var px = expiry is { } e ? (long)Math.Ceiling(e.TotalMilliseconds) : 0;
        var result = (RedisResult[])(await RedisCalls.RunAsync($"blocking {who} ({key})",
            () => redis.ScriptEvaluateAsync(Block, [key], [BlockedValue, px]), cancellationToken))!;
        var now = (long)result[2];
        var before = BlockEntry.Read(who, (string?)result[0], (long)result[1], now);
        var after = BlockEntry.Read(who, before.Value ?? BlockedValue, (long)result[3], now);
        return new MitigationOutcome(before.State(), after.State());
    }

    public bool IsUnchanged(MitigationState left, MitigationState live) =>
        BlockEntry.FromState("the subject", left).IsSameBlock(BlockEntry.FromState("the subject", live));

    public async Task<MitigationOutcome> RevertAsync(MitigationAction action, string? subject, MitigationState before, CancellationToken cancellationToken)
    {
        var (redis, key, who) = await ResolveAsync(action, subject, cancellationToken);
        var recorded = BlockEntry.FromState(who, before);
        var result = (RedisResult[])(await RedisCalls.RunAsync($"restoring {key}",
            () => redis.ScriptEvaluateAsync(Restore, [key], [recorded.Blocked ? "1" : "0", recorded.Value ?? "", recorded.ExpiresAtMs ?? 0]),
            cancellationToken))!;
        var now = (long)result[2];
        var current = BlockEntry.Read(who, (string?)result[0], (long)result[1], now);
        var restored = recorded.Blocked && (recorded.ExpiresAtMs is null || recorded.ExpiresAtMs > now)
            ? recorded with { NowMs = now }
            : new BlockEntry(who, null, null, now);
        return new MitigationOutcome(current.State(), restored.State());
    }

    private async Task<(IDatabase Redis, string Key, string Subject)> ResolveAsync(MitigationAction action, string? subject, CancellationToken cancellationToken)
    {
        var who = BlockSubject.Normalize(subject);
        var options = targets.Resolve(action, TargetKinds.Redis);
        var key = options.BlockKey.Replace(TargetsOptionsValidator.SubjectPlaceholder, who, StringComparison.Ordinal);
        return (await targets.RedisAsync(action, options, cancellationToken), key, who);
    }

    private static string Planned(BlockEntry current, long pttl, TimeSpan? expiry)
    {
        if (current.Blocked && pttl < 0) return $"{current.Subject} stays blocked with no expiry";
        if (expiry is null) return $"{current.Subject} blocked with no expiry";
        if (current.Blocked && pttl >= expiry.Value.TotalMilliseconds) return $"{current.Describe()} (kept: longer than {DurationText.Format(expiry.Value)})";
        return $"{current.Subject} blocked for {DurationText.Format(expiry.Value)}";
    }
}
