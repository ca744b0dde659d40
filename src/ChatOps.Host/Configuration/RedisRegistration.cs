using ChatOps.Redis;

namespace ChatOps.Host.Configuration;

/// <summary>
/// Redis for what replicas must agree on, when <c>ConnectionStrings:Redis</c> is set. Registered last: it wraps the
/// delivery deduplicator that the work registration put in place, and takes over the in-process pace and group caches.
/// </summary>
internal static class RedisRegistration
{
    public static WebApplicationBuilder AddChatOpsRedis(this WebApplicationBuilder builder)
    {
        try
        {
            builder.Services.AddChatOpsRedis(builder.Configuration);
        }
        catch (ArgumentException e)
        {
            // The message names the setting's fault, never its value: the string may hold a password.
            throw new InvalidConfigurationException($"ConnectionStrings:Redis is not a StackExchange.Redis configuration string: {e.Message}", e);
        }
        return builder;
    }
}
