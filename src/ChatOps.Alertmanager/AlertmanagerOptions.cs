namespace ChatOps.Alertmanager;

/// <summary>
/// The webhook's setting in configuration section <c>Alerts</c> (env <c>Alerts__WebhookToken</c>): the bearer token
/// Alertmanager sends (<c>http_config.authorization.credentials</c>). Without it the webhook is off and not served.
/// </summary>
public sealed class AlertmanagerOptions
{
    public const string SectionName = "Alerts";

    public const string TokenSetting = "Alerts:WebhookToken";

    /// <summary>Shorter tokens are refused at start: the token is all that stands between the internet and a declaration.</summary>
    public const int MinimumTokenLength = 16;

    public string? WebhookToken { get; set; }
}
