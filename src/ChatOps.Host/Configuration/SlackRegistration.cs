using ChatOps.Slack;

namespace ChatOps.Host.Configuration;

/// <summary>
/// Slack, and the local workspace that stands in for it when configuration turns it on. A deployment that configures
/// Teams and nothing of Slack serves Teams alone: no <c>/slack/*</c> door, no local workspace.
/// </summary>
internal static class SlackRegistration
{
    /// <summary>The settings that say a deployment means Slack, in both their spellings.</summary>
    private static readonly string[] Settings =
    [
        "Slack:SigningSecret", "SLACK_SIGNING_SECRET", "Slack:AppToken", "SLACK_APP_TOKEN", "Slack:BotToken", "SLACK_BOT_TOKEN",
    ];

    public static WebApplicationBuilder AddChatOpsSlack(this WebApplicationBuilder builder)
    {
        if (!IsOn(builder.Configuration)) return builder;
        builder.Services.AddSlack(LocalWorkspaceRegistration.SlackApiTransport);
        return builder.AddChatOpsLocalWorkspace();
    }

    public static WebApplication MapChatOpsSlack(this WebApplication app)
    {
        if (!IsOn(app.Configuration)) return app;
        app.MapSlackEndpoints();
        return app.MapChatOpsLocalWorkspace();
    }

    /// <summary>
    /// Slack is served unless Teams is configured and Slack is not: with no platform configured at all the host keeps its
    /// Slack door (which refuses everything unsigned) and, in Development, the local workspace, as it always has.
    /// </summary>
    public static bool IsOn(IConfiguration configuration) => !TeamsRegistration.IsOn(configuration) || IsConfigured(configuration);

    /// <summary>
    /// A Slack secret or token is set. <c>LocalWorkspace:Enabled</c> does not count: the shipped Development settings
    /// turn it on, and a Teams bot run in Development must not grow a Slack door from them.
    /// </summary>
    public static bool IsConfigured(IConfiguration configuration) => Settings.Any(s => !string.IsNullOrWhiteSpace(configuration[s]));
}
