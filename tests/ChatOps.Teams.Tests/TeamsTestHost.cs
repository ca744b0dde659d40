using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ChatOps.Core.Chat;
using ChatOps.Core.Inbound;
using ChatOps.Core.Work;
using ChatOps.TestKit;
using ChatOps.Teams.Inbound;
using ChatOps.Teams.Outbound;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace ChatOps.Teams.Tests;

/// <summary>
/// <c>POST /api/messages</c> as the host serves it (AddTeams, MapTeamsEndpoints) on a test server, in front of the core's
/// real inbound pipeline, whose work queue keeps what it was given. The channel's identity provider is in memory.
/// </summary>
internal sealed class TeamsTestHost : IAsyncDisposable
{
    private const string Secret = "not-a-real-secret";

    private WebApplication _app = null!;

    private TeamsTestHost(Conversation core, FakeChannelIdentity identity, CapturingQueue queue, FakeBotFramework botFramework)
    {
        Core = core;
        Identity = identity;
        Queue = queue;
        BotFramework = botFramework;
    }

    public FakeChannelIdentity Identity { get; }

    /// <summary>The bot's token and the Connector's member lookups (what the door asks Teams itself).</summary>
    public FakeBotFramework BotFramework { get; }

    /// <summary>The core behind the door, for what a test needs there first (an incident to act on).</summary>
    public Conversation Core { get; }

    /// <summary>What the door posts itself (a refusal of a form sent without an invoke), instead of the Teams connector.</summary>
    public RecordingChatSurface Surface { get; } = new(TeamsPlatform.Name);

    /// <summary>The cards the Teams side posts itself (the declare form), instead of the Teams connector.</summary>
    public RecordingTeamsCards Cards { get; } = new();

    public CapturingQueue Queue { get; }

    public HttpClient Client { get; private set; } = null!;

    /// <summary>The door's own services (the kept cards a click is answered with).</summary>
    public IServiceProvider Services => _app.Services;

    public static async Task<TeamsTestHost> StartAsync(FakeChannelIdentity? identity = null)
    {
        identity ??= new FakeChannelIdentity();
        var botFramework = await FakeBotFramework.StartAsync(FakeChannelIdentity.AppId, Secret, Activities.Tenant);
        var queue = new CapturingQueue();
        var core = new Conversation(configure: s => s.AddSingleton<IWorkQueue>(queue));
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = FakeChannelIdentity.AppId,
            ["MicrosoftAppPassword"] = Secret,
            ["MicrosoftAppTenantId"] = Activities.Tenant,
            ["ToBotFromChannelOpenIdMetadataUrl"] = FakeChannelIdentity.MetadataUrl,
        });
        builder.Services.AddSingleton(core.Get<InboundPipeline>());
        builder.Services.AddSingleton<IWorkQueue>(queue);
        builder.Services.AddSingleton(core.Get<WorkSignal>());
        builder.Services.AddTeams(builder.Configuration);
        builder.Services.RemoveAll<IChatSurface>();
        builder.Services.RemoveAll<ITeamsCards>();
        builder.Services.AddHttpClient(ChannelKeys.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => identity);
        builder.Services.AddHttpClient(BotTokenProvider.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new Redirect(botFramework.Url));
        builder.Services.AddHttpClient(TeamsConnectorClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new Redirect(botFramework.Url));
        var host = new TeamsTestHost(core, identity, queue, botFramework);
        builder.Services.AddSingleton<IChatSurface>(host.Surface);
        builder.Services.AddSingleton<ITeamsCards>(host.Cards);
        var app = builder.Build();
        app.MapTeamsEndpoints();
        await app.StartAsync();
        host.Start(app);
        return host;
    }

    private void Start(WebApplication app)
    {
        _app = app;
        Client = app.GetTestClient();
    }

    public Task<HttpResponseMessage> PostAsync(string json, string? token) => PostAsync(json, token is null ? null : new AuthenticationHeaderValue("Bearer", token));

    public async Task<HttpResponseMessage> PostAsync(string json, AuthenticationHeaderValue? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = authorization;
        return await Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
        await Core.DisposeAsync();
        await BotFramework.DisposeAsync();
        Identity.Dispose();
    }

    /// <summary>A work queue that keeps the envelopes the pipeline stores, once per delivery key; it can be made to fail like a store that does not answer.</summary>
    internal sealed class CapturingQueue : IWorkQueue
    {
        private readonly ConcurrentDictionary<string, WorkItem> _byKey = new();

        /// <summary>The commands stored.</summary>
        public ConcurrentQueue<InboundEnvelope> Envelopes { get; } = new();

        /// <summary>Every item stored, commands and the Teams door's own.</summary>
        public ConcurrentQueue<WorkItem> Items { get; } = new();

        public bool Unreachable { get; set; }

        public Task<bool> EnqueueAsync(WorkItem item, CancellationToken cancellationToken)
        {
            if (Unreachable) throw new IOException("store unreachable (scripted)");
            if (item.DeliveryKey is { } key && !_byKey.TryAdd(key, item)) return Task.FromResult(false);
            Items.Enqueue(item);
            if (item.Kind == InboundJob.Kind) Envelopes.Enqueue(JsonSerializer.Deserialize<InboundEnvelope>(item.Payload)!);
            return Task.FromResult(true);
        }

        public Task<WorkLease?> TakeAsync(string owner, TimeSpan lease, CancellationToken cancellationToken) => Task.FromResult<WorkLease?>(null);

        public Task<bool> RenewAsync(WorkLease lease, TimeSpan duration, CancellationToken cancellationToken) => Task.FromResult(false);

        public Task CompleteAsync(WorkLease lease, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task RetryAsync(WorkLease lease, string reason, TimeSpan delay, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task BuryAsync(WorkLease lease, string reason, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task ReleaseAsync(WorkLease lease, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<int> PruneAsync(TimeSpan age, CancellationToken cancellationToken) => Task.FromResult(0);

        public Task<WorkQueueDepth> DepthAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
