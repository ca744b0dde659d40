using ChatOps.Core.Access;
using ChatOps.Core.Delivery;
using ChatOps.Core.Pacing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;

namespace ChatOps.Redis;

public static class RedisServiceCollectionExtensions
{
    /// <summary>The connection string (<c>ConnectionStrings:Redis</c>) naming the replicas' Redis.</summary>
    public const string ConnectionStringName = "Redis";

    /// <summary>The tag of the Redis health check: readiness, which reports an outage as Degraded.</summary>
    public const string ReadinessTag = "ready";

    /// <summary>
    /// What replicas must agree on, kept in Redis when <c>ConnectionStrings:Redis</c> is set: delivery claims (over
    /// the deduplicator registered before, which answers while Redis cannot), the pace of outbound chat calls and group
    /// members; plus a readiness check. Without the setting nothing is registered. Call it after the services it wraps.
    /// </summary>
    public static IServiceCollection AddChatOpsRedis(this IServiceCollection services, IConfiguration configuration)
    {
        var connection = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connection)) return services;
        var options = ConfigurationOptions.Parse(connection);
        // A Redis that is down when the host starts must not stop it; while it is down, calls fail at once and fall back.
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
        services.AddSingleton<SharedRedis>();
        DecorateDeduplicator(services);
        services.Replace(ServiceDescriptor.Singleton<IPaceTokens>(sp =>
            new RedisPaceTokens(sp.GetRequiredService<SharedRedis>(), new InProcessPaceTokens(sp.GetRequiredService<TimeProvider>()))));
        services.Replace(ServiceDescriptor.Singleton<IGroupMembersCache>(sp =>
            new RedisGroupMembersCache(sp.GetRequiredService<SharedRedis>(), new InProcessGroupMembersCache(sp.GetRequiredService<TimeProvider>()))));
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: [ReadinessTag]);
        return services;
    }

    // The deduplicator the storage registered before Redis (the database's) answers while Redis cannot, so a gesture is
    // never dropped, and replicas still agree, during an outage.
    private static void DecorateDeduplicator(IServiceCollection services)
    {
        var index = -1;
        for (var i = 0; i < services.Count; i++)
        {
            if (services[i].ServiceType == typeof(IDeliveryDeduplicator) && !services[i].IsKeyedService) index = i;
        }
        if (index < 0) throw new InvalidOperationException("Register the storage (its deduplicator is Redis's fallback) before Redis.");
        var fallback = services[index];
        services[index] = new ServiceDescriptor(typeof(IDeliveryDeduplicator),
            sp => new RedisDeliveryDeduplicator(sp.GetRequiredService<SharedRedis>(), Create(sp, fallback)), fallback.Lifetime);
    }

    private static IDeliveryDeduplicator Create(IServiceProvider services, ServiceDescriptor descriptor) =>
        (IDeliveryDeduplicator)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));
}
