using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace ChatOps.Teams.Outbound;

/// <summary>
/// The bot's own token for the Bot Connector: OAuth2 client credentials against Entra ID through MSAL
/// (https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication). One
/// application for the process: MSAL's in-memory app token cache then serves every call until the token nears expiry.
/// </summary>
internal sealed class BotTokenProvider(IOptionsMonitor<TeamsOptions> options, IHttpClientFactory http)
{
    public const string HttpClientName = "teams-login";

    private readonly Lazy<IConfidentialClientApplication> _app = new(() => Build(options.CurrentValue, http));

    /// <summary>A token for the Connector from the cache, or a new one; <paramref name="refresh"/> skips the cache (after the connector said 401).</summary>
    public Task<string> TokenAsync(bool refresh, CancellationToken cancellationToken) =>
        TokenAsync(options.CurrentValue.Scope, tenant: null, refresh, cancellationToken);

    /// <summary>
    /// A token of the same app for another resource (<paramref name="scope"/>, e.g. Microsoft Graph), issued by
    /// <paramref name="tenant"/> when it is not the app's own authority. MSAL keeps one per scope and tenant.
    /// </summary>
    public async Task<string> TokenAsync(string scope, string? tenant, bool refresh, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        try
        {
            var request = _app.Value.AcquireTokenForClient([scope]).WithForceRefresh(refresh);
            if (tenant is not null) request = request.WithTenantId(tenant);
            return (await request.ExecuteAsync(cancellationToken)).AccessToken;
        }
        catch (MsalException e)
        {
            // MSAL's error code says what was wrong (invalid_client, unauthorized_client, …); it never carries the secret.
            throw new TeamsConnectorException(
                $"The bot could not get its token for {scope} from {settings.Authority} ({e.ErrorCode}): "
                + "check MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppTenantId.", e);
        }
    }

    private static IConfidentialClientApplication Build(TeamsOptions settings, IHttpClientFactory http)
    {
        if (string.IsNullOrWhiteSpace(settings.MicrosoftAppId) || string.IsNullOrEmpty(settings.MicrosoftAppPassword))
            throw new TeamsConnectorException("Teams is not configured: MicrosoftAppId and MicrosoftAppPassword are needed to send to Teams.");
        return ConfidentialClientApplicationBuilder.Create(settings.MicrosoftAppId)
            .WithAuthority(settings.Authority, validateAuthority: true)
            .WithClientSecret(settings.MicrosoftAppPassword)
            .WithHttpClientFactory(new MsalHttpClientFactory(http))
            .Build();
    }
}
