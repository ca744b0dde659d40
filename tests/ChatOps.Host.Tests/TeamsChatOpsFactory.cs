using ChatOps.Teams.Inbound;
using ChatOps.Teams.Outbound;
using ChatOps.Teams.People;
using ChatOps.TestKit.Teams;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Host.Tests;

/// <summary>
/// The real host configured for Teams alone (SQLite in a temporary folder), in Development, where the shipped settings
/// turn the local workspace on. The channel's identity provider is in memory; the bot's tokens, its connector calls and
/// its Graph calls go to <see cref="FakeBotFramework"/> at the https addresses Teams and Graph have.
/// </summary>
internal sealed class TeamsChatOpsFactory(FakeBotFramework botFramework, IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    public const string ServiceUrl = "https://smba.trafficmanager.net/emea/";
    private readonly string _folder = Directory.CreateTempSubdirectory("chatops-teams-host-").FullName;

    public FakeChannelIdentity Identity { get; } = new();

    /// <summary>A token as the channel signs it for this bot and <see cref="ServiceUrl"/>.</summary>
    public string Token() => Identity.Token(audience: FakeBotFramework.AppId, serviceUrl: ServiceUrl);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Storage:Sqlite:Path", Path.Combine(_folder, "chatops.db"));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        UseTeams(builder, botFramework, Identity);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) builder.UseSetting(key, value);
    }

    /// <summary>Teams on, against the fakes: also for a host that serves Slack beside it.</summary>
    public static void UseTeams(IWebHostBuilder builder, FakeBotFramework botFramework, FakeChannelIdentity identity)
    {
        builder.UseSetting("MicrosoftAppId", FakeBotFramework.AppId);
        builder.UseSetting("MicrosoftAppPassword", FakeBotFramework.Secret);
        builder.UseSetting("MicrosoftAppTenantId", FakeBotFramework.Tenant);
        builder.UseSetting("ToBotFromChannelOpenIdMetadataUrl", FakeChannelIdentity.MetadataUrl);
        // Pacing is tested on its own; here it would only slow the flows down.
        builder.UseSetting("Teams:PostInterval", "00:00:00");
        builder.ConfigureTestServices(services =>
        {
            services.AddHttpClient(ChannelKeys.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => identity);
            // The bot refuses serviceUrls that are not https: it keeps Teams' and Graph's addresses, the transport goes local.
            services.AddHttpClient(BotTokenProvider.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new Redirect(botFramework.Url));
            services.AddHttpClient(TeamsConnectorClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new Redirect(botFramework.Url));
            services.AddHttpClient(GraphClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new Redirect(botFramework.Url));
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
