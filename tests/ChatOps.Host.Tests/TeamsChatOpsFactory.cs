using ChatOps.Teams.Inbound;
using ChatOps.Teams.Outbound;
using ChatOps.TestKit.Teams;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Host.Tests;

/// <summary>
/// The real host configured for Teams alone (SQLite in a temporary folder), in Development, where the shipped settings
/// turn the local workspace on. The channel's identity provider is in memory; the bot's token and its connector calls go
/// to <see cref="FakeBotFramework"/> at the https addresses Teams gives.
/// </summary>
internal sealed class TeamsChatOpsFactory(FakeBotFramework botFramework, string? alertsChannel = null) : WebApplicationFactory<Program>
{
    public const string ServiceUrl = "https://smba.trafficmanager.net/emea/";

    /// <summary>The webhook's token when the factory is given an alerts channel.</summary>
    public const string AlertsToken = "teams-alerts-token-0123456789abcdef";
    private readonly string _folder = Directory.CreateTempSubdirectory("chatops-teams-host-").FullName;

    public FakeChannelIdentity Identity { get; } = new();

    /// <summary>A token as the channel signs it for this bot and <see cref="ServiceUrl"/>.</summary>
    public string Token() => Identity.Token(audience: FakeBotFramework.AppId, serviceUrl: ServiceUrl);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("MicrosoftAppId", FakeBotFramework.AppId);
        builder.UseSetting("MicrosoftAppPassword", FakeBotFramework.Secret);
        builder.UseSetting("MicrosoftAppTenantId", FakeBotFramework.Tenant);
        builder.UseSetting("ToBotFromChannelOpenIdMetadataUrl", FakeChannelIdentity.MetadataUrl);
        builder.UseSetting("Storage:Sqlite:Path", Path.Combine(_folder, "chatops.db"));
        // Pacing is tested on its own; here it would only slow the flows down.
        builder.UseSetting("Teams:PostInterval", "00:00:00");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        if (alertsChannel is not null)
        {
            builder.UseSetting("Alerts:WebhookToken", AlertsToken);
            builder.UseSetting("Alerts:Channel", $"teams:{alertsChannel}");
            builder.UseSetting("Alerts:TeamsServiceUrl", ServiceUrl);
        }
        builder.ConfigureTestServices(services =>
        {
            services.AddHttpClient(ChannelKeys.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => Identity);
            // The outbound side refuses serviceUrls that are not https: the bot keeps Teams' addresses, the transport goes local.
            services.AddHttpClient(BotTokenProvider.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new Redirect(botFramework.Url));
            services.AddHttpClient(TeamsConnectorClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new Redirect(botFramework.Url));
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        Identity.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by SQLite's pool stays behind in the temp folder; nothing depends on it.
        }
    }
}
