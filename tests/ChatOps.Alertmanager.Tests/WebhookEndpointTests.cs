using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ChatOps.Core.Alerts;
using ChatOps.Core.Inbound;
using ChatOps.Core.Work;
using ChatOps.TestKit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatOps.Alertmanager.Tests;

/// <summary>
/// <c>POST /alerts/alertmanager</c> as the host serves it, in front of the core's real pipeline and an in-memory work
/// queue: a notification is stored only when its token matches and it reads whole, and stored once however often it comes.
/// </summary>
public sealed class WebhookEndpointTests
{
    private const string Token = "0123456789abcdef0123456789abcdef";

    [Fact]
    public async Task A_notification_is_acknowledged_once_stored_and_its_redelivery_is_stored_once()
    {
        await using var door = await Door.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await door.PostAsync(WebhookReaderTests.Sample)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await door.PostAsync(WebhookReaderTests.Sample)).StatusCode);

        Assert.Equal(1L, await door.StoredAsync());
        var item = (await door.Queue.TakeAsync("test", TimeSpan.FromMinutes(1), default))!.Item;
        Assert.Equal((AlertJob.Kind, "test:C-ALERTS"), (item.Kind, item.OrderingKey));
        Assert.Equal("HighLatency", AlertNotification.FromJson(item.Payload).Alerts[0].Name);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer not-the-token-at-all-000000000")]
    [InlineData("Basic " + Token)]
    public async Task A_missing_or_wrong_token_gets_401_and_nothing_is_stored(string? authorization)
    {
        await using var door = await Door.StartAsync();
        var response = await door.PostAsync(WebhookReaderTests.Sample, authorization);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(0L, await door.StoredAsync());
    }

    [Fact]
    public async Task A_malformed_notification_gets_400_with_the_reason_and_nothing_is_stored()
    {
        await using var door = await Door.StartAsync();
        var response = await door.PostAsync(WebhookReaderTests.Sample.Replace("\"version\": \"4\"", "\"version\": \"5\"", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("version is '5'; this endpoint reads Alertmanager's webhook version 4.", await response.Content.ReadAsStringAsync());
        Assert.Equal(0L, await door.StoredAsync());
    }

    [Fact]
    public async Task A_store_that_cannot_take_it_gets_503_so_that_Alertmanager_sends_it_again()
    {
        await using var door = await Door.StartAsync();
        door.Queue.Unreachable = true;
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await door.PostAsync(WebhookReaderTests.Sample)).StatusCode);

        door.Queue.Unreachable = false;
        Assert.Equal(HttpStatusCode.OK, (await door.PostAsync(WebhookReaderTests.Sample)).StatusCode);
        Assert.Equal(1L, await door.StoredAsync());
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_unread()
    {
        await using var door = await Door.StartAsync();
        var response = await door.PostAsync(new string(' ', WebhookEndpoint.MaxBody + 1));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0L, await door.StoredAsync());
    }

    /// <summary>The endpoint on a test server, in front of the core's pipeline and a queue that can be made unreachable.</summary>
    private sealed class Door : IAsyncDisposable
    {
        private Conversation _core = null!;
        private WebApplication _app = null!;
        private HttpClient _client = null!;

        public SwitchableQueue Queue { get; } = new();

        public static async Task<Door> StartAsync()
        {
            var door = new Door();
            door._core = new Conversation(configure: services =>
            {
                services.AddSingleton<IWorkQueue>(door.Queue);
                services.Configure<AlertOptions>(o => o.Channel = "test:C-ALERTS");
            });
            door.Queue.Inner = new InMemoryWorkQueue(door._core.Time);
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseTestServer();
            builder.Logging.ClearProviders();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [AlertmanagerOptions.TokenSetting] = Token });
            builder.Services.AddSingleton(door._core.Get<InboundPipeline>());
            builder.Services.AddAlertmanager();
            door._app = builder.Build();
            door._app.MapAlertmanagerEndpoints();
            await door._app.StartAsync();
            door._client = door._app.GetTestClient();
            return door;
        }

        public async Task<HttpResponseMessage> PostAsync(string body, string? authorization = "Bearer " + Token)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, AlertmanagerEndpointRouteBuilderExtensions.Path)
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
            if (authorization is not null) request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
            return await _client.SendAsync(request);
        }

        public async Task<long> StoredAsync() => (await Queue.DepthAsync(default)).Waiting;

        public async ValueTask DisposeAsync()
        {
            _client.Dispose();
            await _app.DisposeAsync();
            await _core.DisposeAsync();
        }
    }

    /// <summary>The in-memory queue, or a store that does not answer.</summary>
    internal sealed class SwitchableQueue : IWorkQueue
    {
        public IWorkQueue Inner { get; set; } = null!;

        public bool Unreachable { get; set; }

        public Task<bool> EnqueueAsync(WorkItem item, CancellationToken cancellationToken) =>
            Unreachable ? throw new IOException("store unreachable (scripted)") : Inner.EnqueueAsync(item, cancellationToken);

        public Task<WorkLease?> TakeAsync(string owner, TimeSpan lease, CancellationToken cancellationToken) => Inner.TakeAsync(owner, lease, cancellationToken);

        public Task<bool> RenewAsync(WorkLease lease, TimeSpan duration, CancellationToken cancellationToken) => Inner.RenewAsync(lease, duration, cancellationToken);

        public Task CompleteAsync(WorkLease lease, CancellationToken cancellationToken) => Inner.CompleteAsync(lease, cancellationToken);

        public Task RetryAsync(WorkLease lease, string reason, TimeSpan delay, CancellationToken cancellationToken) =>
            Inner.RetryAsync(lease, reason, delay, cancellationToken);

        public Task BuryAsync(WorkLease lease, string reason, CancellationToken cancellationToken) => Inner.BuryAsync(lease, reason, cancellationToken);

        public Task ReleaseAsync(WorkLease lease, CancellationToken cancellationToken) => Inner.ReleaseAsync(lease, cancellationToken);

        public Task<int> PruneAsync(TimeSpan age, CancellationToken cancellationToken) => Inner.PruneAsync(age, cancellationToken);

        public Task<WorkQueueDepth> DepthAsync(CancellationToken cancellationToken) => Inner.DepthAsync(cancellationToken);
    }
}
