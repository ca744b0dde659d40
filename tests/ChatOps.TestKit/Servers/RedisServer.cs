using StackExchange.Redis;

namespace ChatOps.TestKit.Servers;

/// <summary>
/// A throwaway redis-server on a free loopback port, seeded (unless <paramref name="seed"/> is false) with what the
/// runbooks read: the global rate-limit counter, more <c>blocked:*</c> keys than one SCAN page holds, and known
/// keyspace hits and misses.
/// </summary>
public sealed class RedisServer(bool seed = true) : IAsyncDisposable
{
    public const long GlobalCount = 742;
    public const int BlockedKeys = 2500;
    public const int OtherKeys = 600;
    public const int SeededHits = 400;
    public const int SeededMisses = 600;

    private ServerProcess? _process;
    private DirectoryInfo? _folder;

    public int Port { get; private set; }

    public const string CheckUser = "chatops";
    public const string CheckPassword = "redis-Check-pw";

    /// <summary>The checks' connection: an ACL user with only the commands the README grants.</summary>
    public string ConnectionString => $"127.0.0.1:{Port},user={CheckUser},password={CheckPassword}";

    public const string CheckUserRules = "+get +info +scan +ping +echo +client +cluster|nodes +cluster|slots +config|get";

    public const string MitigationUser = "chatops-mitigations";
    public const string MitigationPassword = "redis-Mitigate-pw";
    public const string FlagsHash = "platform:flags";

    /// <summary>
    /// The mitigations' connection: the README's ACL user for set-flag and block, limited to the flags hash and the
    /// blocklist keys and to the commands of the executors' scripts, plus what the client sends while connecting.
    /// </summary>
    public string MitigationConnectionString => $"127.0.0.1:{Port},user={MitigationUser},password={MitigationPassword}";

    public const string MitigationUserRules = "~blocked:* ~platform:flags +eval +evalsha +script|load +get +set +del +pttl +pexpire +persist +hget +hset +hdel +time " +
        "+ping +echo +client +info +cluster|nodes +cluster|slots +config|get";

    public ConnectionMultiplexer Admin { get; private set; } = null!;

    public async Task StartAsync()
    {
        var binary = Commands.Find("redis-server", "/usr/bin/redis-server", "/usr/local/bin/redis-server");
        _folder = Loopback.TempFolder("chatops-redis-");
        Port = Loopback.FreePort();
        _process = ServerProcess.Start(binary, "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", _folder.FullName, "--daemonize", "no");
        await _process.WaitForOutputAsync("Ready to accept connections", TimeSpan.FromSeconds(30));
        Admin = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{Port},allowAdmin=true");
        await Admin.GetDatabase().ExecuteAsync("ACL", ["SETUSER", CheckUser, "on", $">{CheckPassword}", "~*", .. CheckUserRules.Split(' ')]);
        await Admin.GetDatabase().ExecuteAsync("ACL", ["SETUSER", MitigationUser, "on", $">{MitigationPassword}", .. MitigationUserRules.Split(' ')]);
        if (seed) await SeedAsync(Admin.GetDatabase());
    }

    private async Task SeedAsync(IDatabase db)
    {
        await db.StringSetAsync("ratelimit:global:count", GlobalCount);
        await db.StringSetAsync("deploy:last", "v1.2.3");
        var batch = db.CreateBatch();
        var writes = Enumerable.Range(0, BlockedKeys).Select(i => batch.StringSetAsync($"blocked:user-{i}", "1"))
            .Concat(Enumerable.Range(0, OtherKeys).Select(i => batch.StringSetAsync($"session:{i}", "x")))
            .ToList();
        batch.Execute();
        await Task.WhenAll(writes);
        // Known statistics: reset them, then make exactly so many hits and misses in one script.
        await Admin.GetServer(Admin.GetEndPoints()[0]).ConfigResetStatisticsAsync();
        await db.ScriptEvaluateAsync(
            "for i = 1, tonumber(ARGV[1]) do redis.call('GET', 'ratelimit:global:count') end " +
            "for i = 1, tonumber(ARGV[2]) do redis.call('GET', 'missing:' .. i) end return 0",
            values: [SeededHits, SeededMisses]);
    }

    public async ValueTask DisposeAsync()
    {
        if (Admin is not null) await Admin.DisposeAsync();
        if (_process is not null) await _process.DisposeAsync();
        _folder?.Delete(recursive: true);
    }
}
