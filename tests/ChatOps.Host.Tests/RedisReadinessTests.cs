using System.Net;
using ChatOps.TestKit.Servers;
using Microsoft.AspNetCore.Hosting;

namespace ChatOps.Host.Tests;

/// <summary>With <c>ConnectionStrings:Redis</c>, <c>/readyz</c> reports Redis; its outage degrades the bot but keeps it ready.</summary>
public sealed class RedisReadinessTests : IDisposable
{
    private readonly ChatOpsFactory _factory = new();

    private async Task<(HttpStatusCode Status, string Body)> ReadyzAsync(string redis)
    {
        using var host = _factory.WithWebHostBuilder(b => b.UseSetting("ConnectionStrings:Redis", redis));
        using var client = host.CreateClient();
        using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Ready_says_redis_answered_ping()
    {
        await using var server = new RedisServer(seed: false);
        await server.StartAsync();

        var (status, body) = await ReadyzAsync($"127.0.0.1:{server.Port}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("Healthy\n", body, StringComparison.Ordinal);
        Assert.Contains("redis: Healthy: redis answered PING", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redis_that_does_not_answer_leaves_the_bot_ready_but_degraded()
    {
        var (status, body) = await ReadyzAsync($"127.0.0.1:{Loopback.FreePort()},connectTimeout=500");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("Degraded\n", body, StringComparison.Ordinal);
        Assert.Contains("redis: Degraded: redis unreachable: degraded to the database/in-process coordination", body, StringComparison.Ordinal);
        Assert.Contains("storage: Healthy", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_redis_readiness_does_not_mention_it()
    {
        using var client = _factory.CreateClient();
        var body = await client.GetStringAsync(new Uri("/readyz", UriKind.Relative));

        Assert.DoesNotContain("redis", body, StringComparison.Ordinal);
    }

    public void Dispose() => _factory.Dispose();
}
