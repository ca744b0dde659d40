using ChatOps.TestKit;
using ChatOps.Core.Access;
using ChatOps.Core.Delivery;
using ChatOps.Core.Pacing;
using ChatOps.TestKit.Servers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace ChatOps.Redis.Tests;

/// <summary>One replica of the bot as far as Redis goes: its own services and multiplexer, the host's registration order.</summary>
internal sealed class Replica : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private Replica(ServiceProvider services, RecordingLogs logs)
    {
        _services = services;
        Logs = logs;
    }

    public RecordingLogs Logs { get; }

    public IDeliveryDeduplicator Claims => _services.GetRequiredService<IDeliveryDeduplicator>();

    public IPaceTokens Pace => _services.GetRequiredService<IPaceTokens>();

    public IGroupMembersCache Groups => _services.GetRequiredService<IGroupMembersCache>();

    public static Replica Of(RedisServer server) => Of(ConnectionString(server));

    /// <summary>The bot's own connection (the default user): the fixture's ACL users are the checks' and mitigations'.</summary>
    public static string ConnectionString(RedisServer server) => $"127.0.0.1:{server.Port}";

    public static Replica Of(string? connectionString)
    {
        var logs = new RecordingLogs();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs));
        // What the work registration puts in place before Redis.
        services.AddSingleton<IDeliveryDeduplicator, InMemoryDeliveryDeduplicator>();
        services.AddSingleton(TimeProvider.System);
        services.AddChatOpsRedis(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = connectionString })
            .Build());
        return new Replica(services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true }), logs);
    }

    public async Task<HealthReportEntry> ReadinessAsync()
    {
        var report = await _services.GetRequiredService<HealthCheckService>()
            .CheckHealthAsync(c => c.Tags.Contains(RedisServiceCollectionExtensions.ReadinessTag));
        return report.Entries["redis"];
    }

    public T? GetOptional<T>() where T : class => _services.GetService<T>();

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
