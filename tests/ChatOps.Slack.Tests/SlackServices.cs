using ChatOps.Slack.Local;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatOps.Slack.Tests;

/// <summary>The Slack services as the host registers them, talking to an in-process local workspace.</summary>
internal static class SlackServices
{
    public static ServiceProvider Build(IDictionary<string, string?>? settings = null, TimeProvider? time = null, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Slack:PostInterval"] = "00:00:00", ["SLACK_SIGNING_SECRET"] = "test-secret" })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        if (time is not null) services.AddSingleton(time);
        services.AddOptions<Core.Access.RoleOptions>().Configure<IConfiguration>((o, c) =>
        {
            foreach (var manager in c.GetSection("Incidents:Managers").Get<string[]>() ?? []) o.Managers.Add(manager);
        });
        services.AddSingleton<Core.Access.IRoleDirectory, Core.Access.RoleDirectory>();
        services.AddSlack();
        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = false, ValidateScopes = true });
    }

    public static LocalWorkspace Workspace(this IServiceProvider services) => services.GetRequiredService<LocalWorkspace>();
}
