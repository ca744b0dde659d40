using ChatOps.LocalWorkspace;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.Slack.Tests;

/// <summary>
/// The Slack services as the host registers them. Unless a test configures Slack's tokens itself, the bot is the local
/// workspace's app, as the host makes it when the workspace is on: its token, its manager group, its Web API in process.
/// </summary>
internal static class SlackServices
{
    public static ServiceProvider Build(IDictionary<string, string?>? settings = null, TimeProvider? time = null, Action<IServiceCollection>? configure = null)
    {
        settings ??= new Dictionary<string, string?>();
        var workspace = settings.ContainsKey("SLACK_BOT_TOKEN") || settings.ContainsKey("SLACK_APP_TOKEN")
            ? []
            : new Dictionary<string, string?>
            {
                ["SLACK_BOT_TOKEN"] = WorkspaceDirectory.BotToken,
                ["SLACK_API_URL"] = LocalWorkspaceApi.InMemoryUrl,
                ["Slack:ManagerGroups:0"] = WorkspaceDirectory.ManagersGroup,
            };
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Slack:PostInterval"] = "00:00:00", ["SLACK_SIGNING_SECRET"] = "test-secret" })
            .AddInMemoryCollection(workspace)
            .AddInMemoryCollection(settings)
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
        services.AddLocalWorkspace(_ => "test-secret");
        services.AddSlack(sp => sp.GetRequiredService<IOptionsMonitor<SlackOptions>>().CurrentValue.ApiUrl == LocalWorkspaceApi.InMemoryUrl
            ? LocalWorkspaceApi.CreateHandler(sp)
            : null);
        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = false, ValidateScopes = true });
    }

    public static Workspace Workspace(this IServiceProvider services) => services.GetRequiredService<Workspace>();
}
