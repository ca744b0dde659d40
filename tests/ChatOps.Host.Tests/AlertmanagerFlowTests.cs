using System.Net;
using ChatOps.Core.Access;
using ChatOps.Core.Incidents;
using ChatOps.LocalWorkspace;
using ChatOps.TestKit.Servers;
using Microsoft.AspNetCore.Hosting;

namespace ChatOps.Host.Tests;

/// <summary>
/// A real Alertmanager (Debian's prometheus-alertmanager) fed alerts through its own API, its webhook pointed at the real
/// host on a loopback socket; the alerts channel is in the local workspace. Every wait is on the workspace's signal or on
/// the store, with a deadline.
/// </summary>
public sealed class AlertmanagerFlowTests(AlertmanagerFlowTests.Stack stack) : IClassFixture<AlertmanagerFlowTests.Stack>
{
    private const string Bob = "U0BOB00001";
    private readonly string _run = Guid.NewGuid().ToString("N")[..6];

    private Workspace Workspace => stack.Host.Workspace;

    private IIncidentStore Store => stack.Host.Store;

    [Fact]
    public async Task An_offered_alert_is_declared_by_its_button_begins_the_timeline_at_its_start_and_a_second_firing_joins_it()
    {
        var name = $"E2EOffered{_run}";
        var firstAt = Now().AddMinutes(-10);
        await stack.Alertmanager.PostAlertAsync(Labels(name, "vllm-0"), Summary("p99 above 2s on vllm-0"), firstAt);

        var offer = await Workspace.MessageAsync(m => m.Channel == Stack.Channel && m.ThreadTs is null && m.Content().Contains($"Alert firing: {name}", StringComparison.Ordinal));
        var (actionId, value) = offer.Button("Declare");
        Assert.Equal(HttpStatusCode.OK, (await stack.Client.ClickAsync(Bob, Stack.Channel, offer.Ts, actionId, value, "1.000001")).StatusCode);

        var incident = await IncidentAsync(name);
        var timeline = await Store.TimelineAsync(incident.Id, CancellationToken.None);
        Assert.Equal((TimelineKind.AlertFired, firstAt), (timeline[0].Kind, timeline[0].At));
        Assert.Equal((TimelineKind.Declared, new PersonId("slack", Bob)), (timeline[1].Kind, timeline[1].Actor));
        Assert.Equal($"{name}: p99 above 2s on vllm-0", incident.Title);

        var secondAt = Now().AddMinutes(-2);
        await stack.Alertmanager.PostAlertAsync(Labels(name, "vllm-1"), Summary("p99 above 2s on vllm-1"), secondAt);
        await Workspace.ReplyAsync(incident.Place.Thread!, "1 alert fired in");
        timeline = await Store.TimelineAsync(incident.Id, CancellationToken.None);
        Assert.Equal([firstAt, secondAt], timeline.Where(e => e.Kind == TimelineKind.AlertFired).Select(e => e.At));
        Assert.Single(await Store.ListOpenAsync(null, CancellationToken.None), i => i.Title.StartsWith(name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_route_that_declares_by_itself_opens_the_incident_and_the_resolution_is_noted_at_the_alerts_end()
    {
        var name = $"E2EPaged{_run}";
        var firedAt = Now().AddMinutes(-7);
        await stack.Alertmanager.PostAlertAsync(Labels(name, "gateway-0"), Summary("5xx above 1%"), firedAt);

        var incident = await IncidentAsync(name);
        Assert.Equal(Severity.Sev2, incident.Severity);
        var timeline = await Store.TimelineAsync(incident.Id, CancellationToken.None);
        Assert.Equal((TimelineKind.AlertFired, firedAt), (timeline[0].Kind, timeline[0].At));
        Assert.True(timeline[1].Actor.IsBot);
        var offered = await Workspace.ReplyAsync(incident.Place.Thread!, "Declared from ALERT-");
        Assert.Equal($"run {incident.Id} high-error-rate", offered.Button("Run high-error-rate").Value);

        var endedAt = Now();
        await stack.Alertmanager.PostAlertAsync(Labels(name, "gateway-0"), Summary("5xx above 1%"), firedAt, endedAt);
        await Workspace.ReplyAsync(incident.Place.Thread!, "1 alert resolved in");
        var resolved = Assert.Single(await Store.TimelineAsync(incident.Id, CancellationToken.None), e => e.Kind == TimelineKind.AlertResolved);
        Assert.Equal(endedAt, resolved.At);
        Assert.DoesNotContain(Workspace.Messages, m => m.Content().Contains($"Alert firing: {name}", StringComparison.Ordinal));
    }

    private async Task<Incident> IncidentAsync(string name)
    {
        Incident? found = null;
        await Eventually.WaitAsync(async () =>
        {
            found = (await Store.ListOpenAsync(null, CancellationToken.None)).FirstOrDefault(i => i.Title.StartsWith(name, StringComparison.Ordinal) && i.Place.Thread is not null);
            return found is not null;
        }, Waits.Patience, () => $"no incident for {name}; Alertmanager said:\n{stack.Alertmanager.Output}");
        return found!;
    }

    // Alertmanager keeps milliseconds, so the test's times are whole milliseconds too.
    private static DateTimeOffset Now() => DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());

    private static Dictionary<string, string> Labels(string name, string instance) =>
        new() { ["alertname"] = name, ["instance"] = instance, ["severity"] = "critical", ["service"] = "inference" };

    private static Dictionary<string, string> Summary(string summary) => new() { ["summary"] = summary, ["description"] = "From the end-to-end test." };

    /// <summary>The host with alerts on, a route that declares E2EPaged* by itself, and a real Alertmanager calling it.</summary>
    public sealed class Stack : IAsyncLifetime
    {
        public const string Channel = "C0ALERTS01";
        private const string Token = "e2e-alertmanager-token-0123456789";

        public AlertsFactory Host { get; } = new();

        public AlertmanagerServer Alertmanager { get; } = new();

        public HttpClient Client { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Host.StartServer();
            Client = Host.CreateClient();
            await Alertmanager.StartAsync(new Uri(Host.Address, "alerts/alertmanager").AbsoluteUri, Token);
        }

        public async Task DisposeAsync()
        {
            await Alertmanager.DisposeAsync();
            Client.Dispose();
            await Host.DisposeAsync();
        }

        public sealed class AlertsFactory : KestrelChatOpsFactory
        {
            protected override void ConfigureWebHost(IWebHostBuilder builder)
            {
                base.ConfigureWebHost(builder);
                builder.UseSetting("Alerts:WebhookToken", Token);
                builder.UseSetting("Alerts:Channel", $"slack:{Channel}");
                builder.UseSetting("Alerts:Routes:0:Matchers:0", "alertname=~\"E2EPaged.*\"");
                builder.UseSetting("Alerts:Routes:0:Runbook", "high-error-rate");
                builder.UseSetting("Alerts:Routes:0:Severity", "sev2");
                builder.UseSetting("Alerts:Routes:0:Declare", "auto");
            }
        }
    }
}
