using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace ChatOps.Redis;

/// <summary>
/// Healthy when Redis answers PING. Without Redis the bot still serves on its database and in-process coordination,
/// so an outage is Degraded, never Unhealthy: a load balancer must not take every replica out because Redis is down.
/// </summary>
public sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public const string Unreachable = "redis unreachable: degraded to the database/in-process coordination";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!redis.IsConnected) return HealthCheckResult.Degraded(Unreachable);
        try
        {
            var roundTrip = await redis.GetDatabase().PingAsync().WaitAsync(cancellationToken);
            return HealthCheckResult.Healthy($"redis answered PING in {roundTrip.TotalMilliseconds:0.#} ms");
        }
        catch (Exception e) when (e is RedisException or RedisTimeoutException)
        {
            return HealthCheckResult.Degraded(Unreachable, e);
        }
    }
}
