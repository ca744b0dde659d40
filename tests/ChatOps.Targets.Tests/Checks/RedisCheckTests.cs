using ChatOps.Core.Checks;
using ChatOps.Targets.Checks;
using ChatOps.Targets.Tests.Fixtures;
using ChatOps.TestKit;
using ChatOps.TestKit.Servers;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace ChatOps.Targets.Tests.Checks;

[Collection(PlatformCollection.Name)]
public sealed class RedisCheckTests(PlatformFixture platform)
{
    private async Task<CheckResult> RunAsync(string read, string target = "platform-redis")
    {
        await using var services = platform.Services();
        var check = TestChecks.One($"id: r\ntitle: Redis\nkind: redis\ntarget: {target}\n{read}");
        return await services.GetRequiredService<CheckRunner>().RunAsync(TestIncidents.Real, check, CancellationToken.None);
    }

    [Fact]
    public async Task Get_reads_a_number()
    {
        var result = await RunAsync("get: ratelimit:global:count");

        Assert.Equal(RedisServer.GlobalCount, result.Values["value"].Number);
        Assert.Equal("ratelimit:global:count = 742", result.Observation!.Summary);
    }

    [Fact]
    public async Task Get_keeps_text_in_the_summary_without_a_value()
    {
        var result = await RunAsync("get: deploy:last");

        Assert.False(result.Values.ContainsKey("value"));
        Assert.Equal("deploy:last = \"v1.2.3\"", result.Observation!.Summary);
    }

    [Fact]
    public async Task Get_of_a_missing_key_says_so()
    {
        var result = await RunAsync("get: nothing:here");

        Assert.Equal("nothing:here does not exist", result.Observation!.Summary);
        Assert.False(result.Values.ContainsKey("value"));
    }

    [Fact]
    public async Task Get_of_a_missing_key_under_a_threshold_is_no_data_naming_the_key()
    {
        var result = await RunAsync("get: nothing:here\ncritical: value > 100");

        Assert.True(result.IsNoData);
        Assert.Equal(CheckGrade.Error, result.Grade);
        Assert.Equal("no data: key nothing:here does not exist", result.Error);
    }

    [Fact]
    public async Task Info_reads_a_field_of_a_section()
    {
        var number = await RunAsync("info: stats\nfield: evicted_keys");
        var text = await RunAsync("info: server\nfield: redis_mode");

        Assert.Equal(0, number.Values["value"].Number);
        Assert.Equal("redis_mode = standalone", text.Observation!.Summary);
    }

    [Fact]
    public async Task Info_names_a_missing_field()
    {
        var result = await RunAsync("info: stats\nfield: hit_rate");

        Assert.Equal(CheckGrade.Error, result.Grade);
        Assert.Equal("INFO stats has no field 'hit_rate'", result.Error);
    }

    [Fact]
    public async Task Hit_rate_is_hits_over_lookups()
    {
        var stats = (await Server.InfoAsync("stats")).SelectMany(g => g).ToDictionary(p => p.Key, p => double.Parse(p.Value, System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);
        var expected = stats["keyspace_hits"] / (stats["keyspace_hits"] + stats["keyspace_misses"]);

        var result = await RunAsync("hit-rate: true");

        Assert.Equal(expected, result.Values["value"].Number!.Value, 6);
        // The seeded 400 hits and 600 misses dominate the few lookups other tests add.
        Assert.InRange(result.Values["value"].Number!.Value, 0.39, 0.42);
    }

    [Fact]
    public async Task Count_walks_the_keyspace_with_scan_in_pages_and_never_keys()
    {
        var before = await CommandCallsAsync();

        var result = await RunAsync("count: blocked:*");

        var after = await CommandCallsAsync();
        Assert.Equal(RedisServer.BlockedKeys, result.Values["count"].Number);
        Assert.Equal(RedisServer.BlockedKeys, result.Values["value"].Number);
        Assert.Equal("2500 keys match blocked:*", result.Observation!.Summary);
        var pages = after.GetValueOrDefault("scan") - before.GetValueOrDefault("scan");
        Assert.True(pages >= 2, $"expected several SCAN pages, saw {pages}");
        Assert.True(pages <= (RedisServer.BlockedKeys + RedisServer.OtherKeys) / RedisCheckExecutor.ScanPageSize + 3, $"pages of {RedisCheckExecutor.ScanPageSize} expected, saw {pages} calls");
        Assert.False(after.ContainsKey("keys"), "KEYS was called");
    }

    [Fact]
    public async Task Checks_need_no_more_than_the_read_only_acl_user_has()
    {
        await platform.Redis.Admin.GetDatabase().ExecuteAsync("ACL", "LOG", "RESET");
        await RunAsync("get: ratelimit:global:count");
        await RunAsync("count: blocked:*");
        await RunAsync("hit-rate: true");

        var denied = (RedisResult[])(await platform.Redis.Admin.GetDatabase().ExecuteAsync("ACL", "LOG"))!;
        Assert.True(denied.Length == 0, $"the ACL user was denied: {string.Join("; ", denied.Select(d => string.Join(" ", ((RedisResult[])d!).Select(x => x.ToString()))))}");
    }

    [Fact]
    public async Task A_refused_connection_is_an_error_of_one_line()
    {
        var result = await RunAsync("get: ratelimit:global:count", target: "dead-redis");

        Assert.Equal(CheckGrade.Error, result.Grade);
        Assert.StartsWith("cannot reach Redis target 'dead-redis': ", result.Error, StringComparison.Ordinal);
    }

    private IServer Server => platform.Redis.Admin.GetServer(platform.Redis.Admin.GetEndPoints()[0]);

    private async Task<Dictionary<string, long>> CommandCallsAsync()
    {
        // INFO commandstats: cmdstat_scan:calls=3,usec=...
        var stats = (await Server.InfoAsync("commandstats")).SelectMany(g => g);
        return stats.ToDictionary(
            p => p.Key["cmdstat_".Length..],
            p => long.Parse(p.Value.Split(',')[0]["calls=".Length..], System.Globalization.CultureInfo.InvariantCulture),
            StringComparer.Ordinal);
    }
}
