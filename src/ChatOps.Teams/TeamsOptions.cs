namespace ChatOps.Teams;

/// <summary>
/// Teams, read from the Bot Framework's own setting names at the configuration root (so a team's existing bot secrets
/// fit): <c>MicrosoftAppId</c>, <c>MicrosoftAppPassword</c>, <c>MicrosoftAppTenantId</c>, <c>MicrosoftAppType</c> and
/// the cloud's endpoints. The defaults are the public cloud's; a government cloud, or a test's local identity
/// provider, overrides them. Teams is on when <c>MicrosoftAppId</c> is set.
/// </summary>
public sealed class TeamsOptions
{
    /// <summary>The setting whose presence turns Teams on.</summary>
    public const string AppIdSetting = "MicrosoftAppId";

    /// <summary>The channel's OpenID metadata, whose keys sign what Teams posts (https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication).</summary>
    public const string PublicOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>The issuer of the channel's tokens in the public cloud.</summary>
    public const string PublicTokenIssuer = "https://api.botframework.com";

    /// <summary>Where the bot gets its own tokens; the tenant (or <c>botframework.com</c> for a multi-tenant bot) follows.</summary>
    public const string PublicLoginUrl = "https://login.microsoftonline.com/";

    /// <summary>The tenant of multi-tenant bots' tokens (Bot Framework's <c>DefaultChannelAuthTenant</c>).</summary>
    public const string MultiTenantAuthority = "botframework.com";

    /// <summary>The scope of the bot's own tokens for the Connector.</summary>
    public const string PublicOAuthScope = "https://api.botframework.com/.default";

    /// <summary>The bot's Microsoft App ID: the audience of the channel's tokens.</summary>
    public string? MicrosoftAppId { get; set; }

    /// <summary>The app's client secret (not for a managed identity). Never logged.</summary>
    public string? MicrosoftAppPassword { get; set; }

    public string? MicrosoftAppTenantId { get; set; }

    public TeamsAppType MicrosoftAppType { get; set; } = TeamsAppType.SingleTenant;

    /// <summary>Older name <c>BotOpenIdMetadata</c>, read when this one is not set.</summary>
    public string ToBotFromChannelOpenIdMetadataUrl { get; set; } = PublicOpenIdMetadataUrl;

    public string ToBotFromChannelTokenIssuer { get; set; } = PublicTokenIssuer;

    /// <summary>The authority of the bot's own token; unset, <see cref="Authority"/> is the public cloud's for the app type.</summary>
    public string? ToChannelFromBotLoginUrl { get; set; }

    public string ToChannelFromBotOAuthScope { get; set; } = PublicOAuthScope;

    /// <summary>
    /// Where the bot gets its token (botbuilder's <c>ToChannelFromBotLoginUrlTemplate</c>): the bot's tenant for a
    /// single-tenant bot, <c>botframework.com</c> for a multi-tenant one.
    /// </summary>
    public string Authority => string.IsNullOrWhiteSpace(ToChannelFromBotLoginUrl)
        ? PublicLoginUrl + (MicrosoftAppType == TeamsAppType.MultiTenant || string.IsNullOrWhiteSpace(MicrosoftAppTenantId)
            ? MultiTenantAuthority
            : MicrosoftAppTenantId)
        : ToChannelFromBotLoginUrl;

    /// <summary>The token's scope: the OAuth scope setting, with <c>/.default</c> as client credentials need it.</summary>
    public string Scope => ToChannelFromBotOAuthScope.EndsWith("/.default", StringComparison.Ordinal)
        ? ToChannelFromBotOAuthScope
        : ToChannelFromBotOAuthScope.TrimEnd('/') + "/.default";
}
