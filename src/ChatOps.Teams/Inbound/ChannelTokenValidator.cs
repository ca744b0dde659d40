using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChatOps.Teams.Inbound;

/// <summary>
/// Checks the <c>Authorization: Bearer</c> token the channel sends with every activity
/// (https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication): signed with
/// RS256 by a key from the channel's metadata, issued by the Bot Framework, for this bot's app id, within its
/// lifetime (5 minutes' skew). Fails closed: any doubt reads as null. The token itself is never logged.
/// </summary>
internal sealed partial class ChannelTokenValidator(ChannelKeys keys, IOptionsMonitor<TeamsOptions> options, ILogger<ChannelTokenValidator> logger)
{
    public const string ServiceUrlClaim = "serviceurl";

    /// <summary>The Bot Framework's clock skew (botbuilder's ChannelValidation uses the same).</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    /// <summary>The checked token, or null; throws <see cref="ChannelKeysUnavailableException"/> when no keys can be read.</summary>
    public async Task<ChannelToken?> ValidateAsync(string? authorization, CancellationToken cancellationToken)
    {
        const string scheme = "Bearer ";
        if (authorization is null || !authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) return Refuse("no bearer token");
        var token = authorization[scheme.Length..].Trim();
        if (token.Length == 0 || !_handler.CanReadToken(token)) return Refuse("not a JWT");
        string keyId;
        try
        {
            keyId = _handler.ReadJsonWebToken(token).Kid;
        }
        catch (ArgumentException)
        {
            return Refuse("not a JWT");
        }
        if (string.IsNullOrEmpty(keyId)) return Refuse("no key id");

        var set = await keys.GetAsync(cancellationToken);
        if (!set.Has(keyId)) set = await keys.GetWithKeyAsync(set, keyId, cancellationToken);
        if (!set.Has(keyId)) return Refuse("signed by an unknown key");

        var result = await _handler.ValidateTokenAsync(token, Parameters(set));
        if (!result.IsValid || result.SecurityToken is not JsonWebToken valid)
            return Refuse(result.Exception?.GetType().Name ?? "invalid");
        var serviceUrl = valid.TryGetPayloadValue<string>(ServiceUrlClaim, out var claim) ? claim : null;
        return new ChannelToken(set.EndorsementsOf(valid.SigningKey?.KeyId ?? keyId), serviceUrl);
    }

    private TokenValidationParameters Parameters(ChannelKeySet set)
    {
        var teams = options.CurrentValue;
        return new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidIssuer = teams.ToBotFromChannelTokenIssuer,
            ValidateAudience = true,
            ValidAudience = teams.MicrosoftAppId,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = ClockSkew,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            IssuerSigningKeys = set.SigningKeys,
            // A token names its key; trying every key would only hide a wrong kid.
            TryAllIssuerSigningKeys = false,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        };
    }

    private ChannelToken? Refuse(string why)
    {
        LogRefused(why);
        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a Teams request: {Why}")]
    private partial void LogRefused(string why);
}
