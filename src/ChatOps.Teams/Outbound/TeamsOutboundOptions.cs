namespace ChatOps.Teams.Outbound;

/// <summary>
/// What the bot needs to send to Teams. The Bot Framework settings keep their own names at the configuration root
/// (<c>MicrosoftAppId</c>, <c>MicrosoftAppPassword</c>, <c>MicrosoftAppTenantId</c>, <c>MicrosoftAppType</c>,
/// <c>ToChannelFromBotLoginUrl</c>, <c>ToChannelFromBotOAuthScope</c>), so a team's existing secrets fit; the pacing lives in
/// the <c>Teams</c> section.
/// </summary>
public sealed class TeamsOutboundOptions
{
    public const string SectionName = "Teams";

    public const string PublicLoginHost = "https://login.microsoftonline.com/";

    /// <summary>The tenant of multi-tenant bots' tokens (Bot Framework's <c>DefaultChannelAuthTenant</c>).</summary>
    public const string MultiTenantAuthority = "botframework.com";

    public const string DefaultOAuthScope = "https://api.botframework.com";

    public string? MicrosoftAppId { get; set; }

    public string? MicrosoftAppPassword { get; set; }

    public string? MicrosoftAppTenantId { get; set; }

    /// <summary><c>SingleTenant</c> (needs <see cref="MicrosoftAppTenantId"/>) or <c>MultiTenant</c>.</summary>
    public string? MicrosoftAppType { get; set; }

    /// <summary>The token authority; by default <c>https://login.microsoftonline.com/{tenant}</c>, or <c>…/botframework.com</c> without a tenant.</summary>
    public string? ToChannelFromBotLoginUrl { get; set; }

    /// <summary>The resource the token is for; <c>/.default</c> is appended when missing.</summary>
    public string? ToChannelFromBotOAuthScope { get; set; }

    /// <summary>
    /// Posts a conversation may take at once, then one per <see cref="PostInterval"/>. Teams allows a bot 7 sends per
    /// second, 8 per 2 s, 60 per 30 s and 1,800 per hour in one conversation
    /// (https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/rate-limit): a burst of 7 and then one
    /// every 2 s keeps within each of them.
    /// </summary>
    public int PostBurst { get; set; } = 7;

    public TimeSpan PostInterval { get; set; } = TimeSpan.FromSeconds(2);

    public string Authority => string.IsNullOrWhiteSpace(ToChannelFromBotLoginUrl)
        ? PublicLoginHost + (string.IsNullOrWhiteSpace(MicrosoftAppTenantId) ? MultiTenantAuthority : MicrosoftAppTenantId)
        : ToChannelFromBotLoginUrl;

    public string Scope
    {
        get
        {
            var scope = string.IsNullOrWhiteSpace(ToChannelFromBotOAuthScope) ? DefaultOAuthScope : ToChannelFromBotOAuthScope;
            return scope.EndsWith("/.default", StringComparison.Ordinal) ? scope : scope.TrimEnd('/') + "/.default";
        }
    }
}
