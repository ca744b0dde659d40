using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ChatOps.Core.Incidents;
using ChatOps.TestKit.Teams;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Host.Tests;

/// <summary>
/// Teams end to end through the real host: the channel's signed activity in, the core's work, and the Bot Connector
/// calls out, against the fakes. Every wait is on the connector's recorded calls.
/// </summary>
public sealed class TeamsFlowTests : IAsyncLifetime, IDisposable
{
    private static readonly TeamsPerson Alice = new("29:alice", "b7a8c3d2-1e0f-4a5b-8c7d-6e5f4a3b2c1d", "Alice Example");
    private static readonly TeamsPerson Bob = new("29:bob", "0d9e8f7a-6b5c-4d3e-2f1a-0b9c8d7e6f5a", "Bob Example");

    private FakeBotFramework _botFramework = null!;
    private TeamsChatOpsFactory _host = null!;
    private HttpClient _client = null!;
    private TeamsChannel _channel = null!;

    public async Task InitializeAsync()
    {
        _botFramework = await FakeBotFramework.StartAsync();
        _host = new TeamsChatOpsFactory(_botFramework);
        _client = _host.CreateClient();
        _channel = new TeamsChannel(_client, _host.Token, _botFramework);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
        await _botFramework.DisposeAsync();
    }

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Declare_note_and_a_card_click_reach_the_connector_in_the_incidents_reply_chain_and_update_its_root_card()
    {
        using var declared = await _channel.SayAsync(Alice, "incident declare sev2 GPU saturation");
        Assert.Equal(HttpStatusCode.OK, declared.StatusCode);
        var root = await _channel.RootAsync("GPU saturation");
        Assert.Equal(_channel.Id, (string?)root.Body!["channelData"]!["channel"]!["id"]);
        var rootId = root.ActivityId!;

        using var noted = await _channel.SayAsync(Alice, "incident note queue is growing", rootId);
        Assert.Equal(HttpStatusCode.OK, noted.StatusCode);
        await _channel.ReplyAsync(rootId, "queue is growing");
        // A note changes only the timeline; a status change is what updates the root card in place.
        var mitigated = TeamsChannel.Button(root, v => v.StartsWith("mitigated", StringComparison.Ordinal));
        using var clicked = await _channel.ClickAsync(Bob, rootId, rootId, mitigated, "Mitigated");
        Assert.Equal(HttpStatusCode.OK, clicked.StatusCode);
        var answer = JsonNode.Parse(await clicked.Content.ReadAsStringAsync())!;
        Assert.Equal((200, "application/vnd.microsoft.card.adaptive"), ((int?)answer["statusCode"], (string?)answer["type"]));
        Assert.Contains("Bob Example chose Mitigated: working on it.", answer["value"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(AdaptiveCardRules.Check(answer["value"]));
        await _channel.ReplyAsync(rootId, "is mitigated");
        var updated = await _channel.UpdateAsync(rootId, rootId, "mitigated");
        Assert.Equal(rootId, (string?)updated.Body!["id"]);
        Assert.DoesNotContain(TeamsChannel.Descendants(updated.Body!).OfType<JsonObject>(),
            n => (string?)n["title"] == "Mitigated" && (string?)n["type"] == "Action.Execute");
        _channel.AssertEveryCardKeepsTheRules();
    }

    [Fact]
    public async Task An_activity_delivered_twice_is_handled_once()
    {
        using (var once = await _channel.SayAsync(Alice, "incident declare sev3 Disk pressure on ingest", id: "1770000000011")) Assert.Equal(HttpStatusCode.OK, once.StatusCode);
        using (var again = await _channel.SayAsync(Alice, "incident declare sev3 Disk pressure on ingest", id: "1770000000011")) Assert.Equal(HttpStatusCode.OK, again.StatusCode);

        // Work of one channel runs in order: once a later declaration is posted, a second run of the first would have been too.
        using var barrier = await _channel.SayAsync(Alice, "incident declare sev4 Barrier");
        await _channel.RootAsync("Barrier");
        Assert.Single(_botFramework.Calls, c => c is { Method: "POST", Target: "/emea/v3/conversations" } && TeamsChannel.Card(c).Contains("Disk pressure", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_declare_without_a_title_delivered_twice_posts_its_form_once()
    {
        using (var once = await _channel.SayAsync(Alice, "incident declare sev2", id: "1770000000031")) Assert.Equal(HttpStatusCode.OK, once.StatusCode);
        using (var again = await _channel.SayAsync(Alice, "incident declare sev2", id: "1770000000031")) Assert.Equal(HttpStatusCode.OK, again.StatusCode);

        using var barrier = await _channel.SayAsync(Alice, "incident declare sev4 Barrier");
        await _channel.RootAsync("Barrier");
        var form = Assert.Single(_botFramework.Calls, c => c.Method == "POST" && TeamsChannel.Card(c).Contains("Declare an incident", StringComparison.Ordinal));
        Assert.Equal($"/emea/v3/conversations/{_channel.Chain("1770000000031")}/activities/1770000000031", form.Target);
        _channel.AssertEveryCardKeepsTheRules();
    }

    [Fact]
    public async Task A_forged_token_is_refused_and_nothing_is_posted()
    {
        var forged = _host.Identity.Token(key: FakeChannelIdentity.NewKey("key-1"), audience: FakeBotFramework.AppId, serviceUrl: TeamsChatOpsFactory.ServiceUrl);
        var forgedChannel = new TeamsChannel(_client, () => forged, _botFramework, _channel.Id);
        using var refused = await forgedChannel.SayAsync(Alice, "incident declare sev1 Forged");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        // A valid declaration after it, in the same channel, runs; the forged one was never stored to run before it.
        using var valid = await _channel.SayAsync(Alice, "incident declare sev4 Genuine");
        await _channel.RootAsync("Genuine");
        Assert.DoesNotContain(_botFramework.Calls, c => TeamsChannel.Card(c).Contains("Forged", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_teams_only_host_serves_nothing_of_slack_even_in_development()
    {
        foreach (var path in new[] { "/slack/commands", "/slack/events", "/slack/interactions" })
        {
            using var slack = await _client.PostAsync(path, new StringContent("token=x"));
            Assert.Equal(HttpStatusCode.NotFound, slack.StatusCode);
        }
        foreach (var path in new[] { "/", "/local/ui/state" })
        {
            using var local = await _client.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, local.StatusCode);
        }
    }

    [Fact]
    public async Task An_alert_is_offered_in_a_Teams_channel_and_its_Declare_button_declares_the_incident_there()
    {
        const string alertsToken = "teams-alerts-token-0123456789abcdef";
        await using var alerting = new TeamsChatOpsFactory(_botFramework, new Dictionary<string, string?>
        {
            ["Alerts:WebhookToken"] = alertsToken,
            ["Alerts:Channel"] = $"teams:{_channel.Id}",
            ["Alerts:TeamsServiceUrl"] = TeamsChatOpsFactory.ServiceUrl,
        });
        using var client = alerting.CreateClient();
        var channel = new TeamsChannel(client, alerting.Token, _botFramework, _channel.Id);
        var firedAt = new DateTimeOffset(2026, 11, 28, 8, 47, 13, TimeSpan.Zero);
        var notification = new JsonObject
        {
            ["version"] = "4", ["status"] = "firing", ["receiver"] = "chatops", ["groupKey"] = "{}:{alertname=\"TeamsLatency\"}",
            ["alerts"] = new JsonArray(new JsonObject
            {
                ["status"] = "firing", ["startsAt"] = "2026-11-28T08:47:13Z", ["endsAt"] = "0001-01-01T00:00:00Z", ["fingerprint"] = "1a30ba71cca2921f",
                ["labels"] = new JsonObject { ["alertname"] = "TeamsLatency", ["instance"] = "vllm-0" },
                ["annotations"] = new JsonObject { ["summary"] = "p99 above 2s" },
            }),
        }.ToJsonString();
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/alerts/alertmanager") { Content = new StringContent(notification, Encoding.UTF8, "application/json") })
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", alertsToken);
            using var accepted = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        var offer = await channel.RootAsync("Alert firing: TeamsLatency");
        Assert.Equal(FakeBotFramework.Tenant, (string?)offer.Body!["tenantId"]);
        var declare = TeamsChannel.Button(offer, v => v.StartsWith("declare ALERT-", StringComparison.Ordinal));
        using (var clicked = await channel.ClickAsync(Bob, offer.ActivityId!, offer.ActivityId!, declare, "Declare"))
            Assert.Equal(200, (int?)JsonNode.Parse(await clicked.Content.ReadAsStringAsync())!["statusCode"]);

        await channel.WaitForAsync(
            c => c is { Method: "POST", Target: "/emea/v3/conversations" } && TeamsChannel.Card(c).Contains("TeamsLatency: p99 above 2s", StringComparison.Ordinal)
                && TeamsChannel.Card(c).Contains("INC-", StringComparison.Ordinal),
            "posting the incident declared from the alert");
        var store = alerting.Services.GetRequiredService<IIncidentStore>();
        var incident = Assert.Single(await store.ListOpenAsync(null, CancellationToken.None));
        Assert.Equal(("teams", _channel.Id), (incident.Place.Platform, incident.Place.Channel));
        var first = (await store.TimelineAsync(incident.Id, CancellationToken.None))[0];
        Assert.Equal((TimelineKind.AlertFired, firedAt), (first.Kind, first.At));
        channel.AssertEveryCardKeepsTheRules();
    }
}
