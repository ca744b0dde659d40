using ChatOps.Alertmanager;
using ChatOps.Core.Alerts;
using ChatOps.Teams;

namespace ChatOps.Host.Configuration;

/// <summary>
/// Alerts from Alertmanager: on when <c>Alerts:WebhookToken</c> is set (off, <c>/alerts/alertmanager</c> is not
/// served). The alerts channel must then name a platform this deployment serves; a Teams channel is reached through the
/// service URL its team's Bot Framework traffic uses (<c>Alerts:TeamsServiceUrl</c>), which only the host can compose.
/// </summary>
internal static class AlertsRegistration
{
    public const string TeamsServiceUrlSetting = "Alerts:TeamsServiceUrl";

    private const string Slack = "slack";

    private const string ChannelMissing =
        "Alerts:Channel must be set beside Alerts:WebhookToken: it is where alerts are posted, e.g. slack:C0123ABCD.";

    private const string PlatformNotServed =
        "Alerts:Channel must name a platform this deployment serves: slack:<channel id> or teams:<channel id> (Teams needs MicrosoftAppId).";

    private const string TeamsServiceUrlMissing = TeamsServiceUrlSetting
        + " must be the https service URL of the team's Bot Framework traffic (e.g. https://smba.trafficmanager.net/emea/) for a Teams alerts channel.";

    public static WebApplicationBuilder AddChatOpsAlerts(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AlertOptions>().BindConfiguration(AlertOptions.SectionName)
            .Configure<IConfiguration>((o, configuration) => o.Address ??= TeamsAddress(o, configuration))
            .Validate<IConfiguration>((o, configuration) => !IsOn(configuration) || !string.IsNullOrWhiteSpace(o.Channel), ChannelMissing)
            .Validate<IConfiguration>((o, configuration) => o.Place is not { } place || Serves(configuration, place.Platform), PlatformNotServed)
            .Validate(o => o.Place?.Platform != TeamsPlatform.Name || o.Address is not null, TeamsServiceUrlMissing)
            .ValidateOnStart();
        builder.Services.AddAlertmanager();
        return builder;
    }

    public static WebApplication MapChatOpsAlerts(this WebApplication app)
    {
        if (IsOn(app.Configuration)) app.MapAlertmanagerEndpoints();
        return app;
    }

    public static bool IsOn(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration[AlertmanagerOptions.TokenSetting]);

    private static bool Serves(IConfiguration configuration, string platform) => platform switch
    {
        Slack => SlackRegistration.IsOn(configuration),
        TeamsPlatform.Name => TeamsRegistration.IsOn(configuration),
        _ => false,
    };

    /// <summary>A Teams channel's address, as the Teams adapter stores one for a channel it heard from; null without an https service URL.</summary>
    private static string? TeamsAddress(AlertOptions options, IConfiguration configuration) =>
        options.Place is { Platform: TeamsPlatform.Name } place
        && Uri.TryCreate(configuration[TeamsServiceUrlSetting], UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps
            ? new Teams.TeamsAddress(url.AbsoluteUri, place.Channel, configuration[nameof(TeamsOptions.MicrosoftAppTenantId)], "channel", null).Serialize()
            : null;
}
