using ChatOps.Core.Access;
using ChatOps.Core.Mitigations;
using ChatOps.LocalWorkspace;
using ChatOps.Slack;
using Microsoft.Extensions.Options;

namespace ChatOps.Host.Configuration;

/// <summary>
/// The local workspace, a development stand-in for Slack, when configuration turns it on (<c>LocalWorkspace:Enabled</c>;
/// in Development unless set): the bot's Slack client reaches it in memory with the token it issued, its manager group
/// and approver get their roles, it offers the loaded drill scenarios, and it is refused beside a real Slack token.
/// Only the host knows both sides.
/// </summary>
internal static class LocalWorkspaceRegistration
{
    public const string Refusal =
        "LocalWorkspace:Enabled is on beside a real Slack token (Slack:BotToken / SLACK_BOT_TOKEN or Slack:AppToken / SLACK_APP_TOKEN): "
        + "the local workspace is a development tool and never stands beside a real workspace. "
        + "Set LocalWorkspace:Enabled=false or remove the tokens.";

    /// <summary>Registers the workspace after Slack, whose own setup must read Slack's settings first.</summary>
    public static WebApplicationBuilder AddChatOpsLocalWorkspace(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddLocalWorkspace(sp => sp.GetRequiredService<IOptionsMonitor<SlackOptions>>().CurrentValue.SigningSecret);
        services.AddOptions<LocalWorkspaceOptions>()
            .Configure<IConfiguration>((o, configuration) => o.Enabled = IsOn(configuration))
            .Validate<IOptions<SlackOptions>>((o, slack) => !o.Enabled || !HasRealToken(slack.Value), Refusal);
        services.AddSingleton<IPostConfigureOptions<SlackOptions>, LocalWorkspaceSlackSettings>();
        services.AddSingleton<IPostConfigureOptions<RoleOptions>, LocalWorkspaceApprover>();
        services.AddSingleton<IDrillScenarios, LocalWorkspaceDrills>();
        return builder;
    }

    public static WebApplication MapChatOpsLocalWorkspace(this WebApplication app)
    {
        // Decided from configuration, not the options: reading those validates them, and a refusal belongs to the start.
        if (IsOn(app.Configuration)) app.MapLocalWorkspace();
        return app;
    }

    /// <summary>The transport of the bot's Slack client: the workspace in memory when Slack's API URL is its own.</summary>
    public static HttpMessageHandler? SlackApiTransport(IServiceProvider services) =>
        services.GetRequiredService<IOptionsMonitor<SlackOptions>>().CurrentValue.ApiUrl == LocalWorkspaceApi.InMemoryUrl
            ? LocalWorkspaceApi.CreateHandler(services)
            : null;

    /// <summary>
    /// On only when configuration says so: the shipped appsettings.Development.json does, for <c>dotnet run</c>
    /// (read wherever the host starts, see <see cref="ShippedSettings"/>). It stands in for Slack, so a deployment that
    /// configures Teams and nothing of Slack turns it off: a Teams bot run in Development is not a Slack workspace.
    /// </summary>
    public static bool IsOn(IConfiguration configuration) =>
        (configuration.GetValue<bool?>($"{LocalWorkspaceOptions.SectionName}:{nameof(LocalWorkspaceOptions.Enabled)}") ?? false)
        && SlackRegistration.IsOn(configuration);

    private static bool HasRealToken(SlackOptions slack) =>
        (slack.BotToken is not null && slack.BotToken != WorkspaceDirectory.BotToken) || slack.AppToken is not null;
}
