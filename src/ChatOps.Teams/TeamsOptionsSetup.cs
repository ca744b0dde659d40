using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ChatOps.Teams;

/// <summary>
/// Reads the Bot Framework's setting names from the configuration root. An empty value counts as not set, as an
/// environment variable left blank in a deployment template does.
/// </summary>
internal sealed class TeamsOptionsSetup(IConfiguration configuration) : IConfigureOptions<TeamsOptions>
{
    /// <summary>The metadata setting's older name, still in many deployments' secrets.</summary>
    public const string LegacyOpenIdMetadataSetting = "BotOpenIdMetadata";

    public void Configure(TeamsOptions options)
    {
        options.MicrosoftAppId = Value(nameof(TeamsOptions.MicrosoftAppId));
        options.MicrosoftAppPassword = Value(nameof(TeamsOptions.MicrosoftAppPassword));
        options.MicrosoftAppTenantId = Value(nameof(TeamsOptions.MicrosoftAppTenantId));
        if (Value(nameof(TeamsOptions.MicrosoftAppType)) is { } type)
        {
            // An unknown type must stop the start, not fall back to a default: it decides where the bot's tokens come from.
            options.MicrosoftAppType = Enum.TryParse<TeamsAppType>(type, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                ? parsed
                : throw new OptionsValidationException(Options.DefaultName, typeof(TeamsOptions),
                    [$"MicrosoftAppType '{type}' is not one of SingleTenant, MultiTenant, UserAssignedMSI."]);
        }
        options.ToBotFromChannelOpenIdMetadataUrl = Value(nameof(TeamsOptions.ToBotFromChannelOpenIdMetadataUrl))
            ?? Value(LegacyOpenIdMetadataSetting) ?? options.ToBotFromChannelOpenIdMetadataUrl;
        options.ToBotFromChannelTokenIssuer = Value(nameof(TeamsOptions.ToBotFromChannelTokenIssuer)) ?? options.ToBotFromChannelTokenIssuer;
        options.ToChannelFromBotLoginUrl = Value(nameof(TeamsOptions.ToChannelFromBotLoginUrl)) ?? options.ToChannelFromBotLoginUrl;
        options.ToChannelFromBotOAuthScope = Value(nameof(TeamsOptions.ToChannelFromBotOAuthScope)) ?? options.ToChannelFromBotOAuthScope;
    }

    private string? Value(string key) => configuration[key] is { Length: > 0 } value ? value.Trim() : null;
}
