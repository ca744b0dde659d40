using StackExchange.Redis;

namespace ChatOps.Targets.Mitigations;

/// <summary>Flags as fields of one Redis hash. A write is one Lua script, so the old value it reports is exactly the one it replaced.</summary>
internal sealed class RedisHashFlags(IDatabase redis, string hash) : IFlagStore
{
    // KEYS[1] the hash; ARGV[1] the field; ARGV[2] '1' to set ARGV[3], '0' to remove. Returns the old value (nil: absent).
    private const string Swap = """
        local old = redis.call('HGET', KEYS[1], ARGV[1])
        if ARGV[2] == '1' then
          redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
        else
          redis.call('HDEL', KEYS[1], ARGV[1])
        end
        return old
        """;

    public string Where => $"Redis hash {hash}";

    public async Task<FlagValue> ReadAsync(string flag, CancellationToken cancellationToken)
    {
        var value = await RedisCalls.RunAsync($"reading {flag} from {Where}", () => redis.HashGetAsync(hash, flag), cancellationToken);
        return value.IsNull ? FlagValue.Absent : new FlagValue(value.ToString());
    }

    public async Task<FlagValue> WriteAsync(string flag, FlagValue next, CancellationToken cancellationToken)
    {
        var old = await RedisCalls.RunAsync($"setting {flag} in {Where}",
            () => redis.ScriptEvaluateAsync(Swap, [hash], [flag, next.IsPresent ? "1" : "0", next.Value ?? ""]), cancellationToken);
        return old.IsNull ? FlagValue.Absent : new FlagValue(old.ToString());
    }
}
