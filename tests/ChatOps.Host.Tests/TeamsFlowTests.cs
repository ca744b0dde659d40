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
    private const string BotId = "28:" + FakeBotFramework.AppId;
    private const string Team = "19:c6d9a1b4e2f34f8c9a0b1c2d3e4f5a6b@thread.tacv2";
    private const string Alice = "b7a8c3d2-1e0f-4a5b-8c7d-6e5f4a3b2c1d";
    private const string Bob = "0d9e8f7a-6b5c-4d3e-2f1a-0b9c8d7e6f5a";

    private readonly string _channel = $"19:{Guid.NewGuid():N}@thread.tacv2";
    private FakeBotFramework _botFramework = null!;
    private TeamsChatOpsFactory _host = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _botFramework = await FakeBotFramework.StartAsync();
        _host = new TeamsChatOpsFactory(_botFramework);
        _client = _host.CreateClient();
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
        using var declared = await PostAsync(Message("1770000000001", _channel + ";messageid=1770000000001", "incident declare sev2 GPU saturation"), _host.Token());
        Assert.Equal(HttpStatusCode.OK, declared.StatusCode);
        var root = await _botFramework.WaitForAsync(
            c => c is { Method: "POST", Target: "/emea/v3/conversations" } && Card(c).Contains("GPU saturation", StringComparison.Ordinal),
            Waits.Patience, "posting the incident in the channel");
        Assert.Equal(_channel, (string?)root.Body!["channelData"]!["channel"]!["id"]);
        var rootId = root.ActivityId!;
        var chain = Uri.EscapeDataString($"{_channel};messageid={rootId}");

        using var noted = await PostAsync(Message("1770000000002", $"{_channel};messageid={rootId}", "incident note queue is growing"), _host.Token());
        Assert.Equal(HttpStatusCode.OK, noted.StatusCode);
        await _botFramework.WaitForAsync(
            c => c.Method == "POST" && c.Target == $"/emea/v3/conversations/{chain}/activities/{rootId}" && Card(c).Contains("queue is growing", StringComparison.Ordinal),
            Waits.Patience, "replying to the note in the reply chain");
        // A note changes only the timeline; a status change is what updates the root card in place.
        var mitigated = Button(root, "Mitigated");
        using var clicked = await PostAsync(Click("f:click-1", rootId, mitigated), _host.Token());
        Assert.Equal(HttpStatusCode.OK, clicked.StatusCode);
        var answer = JsonNode.Parse(await clicked.Content.ReadAsStringAsync())!;
        Assert.Equal(200, (int?)answer["statusCode"]);
        await _botFramework.WaitForAsync(
            c => c.Method == "POST" && c.Target == $"/emea/v3/conversations/{chain}/activities/{rootId}" && Card(c).Contains("is mitigated", StringComparison.Ordinal),
            Waits.Patience, "answering the Mitigated click in the reply chain");
        var updated = await _botFramework.WaitForAsync(
            c => c.Method == "PUT" && c.Target == $"/emea/v3/conversations/{chain}/activities/{rootId}", Waits.Patience, "updating the root card");
        Assert.Equal(rootId, (string?)updated.Body!["id"]);
        Assert.Contains("mitigated", Card(updated), StringComparison.Ordinal);
        Assert.DoesNotContain(Descendants(updated.Body!).OfType<JsonObject>(), n => (string?)n["title"] == "Mitigated" && (string?)n["type"] == "Action.Execute");
    }

    [Fact]
    public async Task An_activity_delivered_twice_is_handled_once()
    {
        var first = Message("1770000000011", _channel + ";messageid=1770000000011", "incident declare sev3 Disk pressure on ingest");
        using (var once = await PostAsync(first, _host.Token())) Assert.Equal(HttpStatusCode.OK, once.StatusCode);
        using (var again = await PostAsync(first, _host.Token())) Assert.Equal(HttpStatusCode.OK, again.StatusCode);

        // Work of one channel runs in order: once a later declaration is posted, a second run of the first would have been too.
        using var barrier = await PostAsync(Message("1770000000012", _channel + ";messageid=1770000000012", "incident declare sev4 Barrier"), _host.Token());
        await _botFramework.WaitForAsync(c => c.Method == "POST" && Card(c).Contains("Barrier", StringComparison.Ordinal), Waits.Patience, "posting the barrier incident");
        Assert.Single(_botFramework.Calls, c => c is { Method: "POST", Target: "/emea/v3/conversations" } && Card(c).Contains("Disk pressure", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_forged_token_is_refused_and_nothing_is_posted()
    {
        var forged = _host.Identity.Token(key: FakeChannelIdentity.NewKey("key-1"), audience: FakeBotFramework.AppId, serviceUrl: TeamsChatOpsFactory.ServiceUrl);
        using var refused = await PostAsync(Message("1770000000021", _channel + ";messageid=1770000000021", "incident declare sev1 Forged"), forged);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        // A valid declaration after it, in the same channel, runs; the forged one was never stored to run before it.
        using var valid = await PostAsync(Message("1770000000022", _channel + ";messageid=1770000000022", "incident declare sev4 Genuine"), _host.Token());
        await _botFramework.WaitForAsync(c => c.Method == "POST" && Card(c).Contains("Genuine", StringComparison.Ordinal), Waits.Patience, "posting the genuine incident");
        Assert.DoesNotContain(_botFramework.Calls, c => Card(c).Contains("Forged", StringComparison.Ordinal));
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
        await using var alerting = new TeamsChatOpsFactory(_botFramework, alertsChannel: _channel);
        using var client = alerting.CreateClient();
        var firedAt = new DateTimeOffset(2026, 11, 28, 8, 47, 13, TimeSpan.Zero);
        var notification = new JsonObject
        {
            ["version"] = "4", ["status"] = "firing", ["receiver"] = "chatops", ["groupKey"] = $"{{}}:{{alertname=\"TeamsLatency{_channel[3..9]}\"}}",
            ["alerts"] = new JsonArray(new JsonObject
            {
                ["status"] = "firing", ["startsAt"] = "2026-11-28T08:47:13Z", ["endsAt"] = "0001-01-01T00:00:00Z", ["fingerprint"] = "1a30ba71cca2921f",
                ["labels"] = new JsonObject { ["alertname"] = "TeamsLatency", ["instance"] = "vllm-0" },
                ["annotations"] = new JsonObject { ["summary"] = "p99 above 2s" },
            }),
        }.ToJsonString();
        using (var accepted = await PostAsync(notification, TeamsChatOpsFactory.AlertsToken, client, "/alerts/alertmanager"))
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);

        var offer = await _botFramework.WaitForAsync(
            c => c is { Method: "POST", Target: "/emea/v3/conversations" } && Card(c).Contains("Alert firing: TeamsLatency", StringComparison.Ordinal),
            Waits.Patience, "offering the alert in the Teams channel");
        Assert.Equal(_channel, (string?)offer.Body!["channelData"]!["channel"]!["id"]);
        Assert.Equal(FakeBotFramework.Tenant, (string?)offer.Body!["tenantId"]);
        using (var clicked = await PostAsync(Click("f:alert-1", offer.ActivityId!, Button(offer, "Declare")), alerting.Token(), client))
            Assert.Equal(200, (int?)JsonNode.Parse(await clicked.Content.ReadAsStringAsync())!["statusCode"]);

        await _botFramework.WaitForAsync(
            c => c is { Method: "POST", Target: "/emea/v3/conversations" } && Card(c).Contains("TeamsLatency: p99 above 2s", StringComparison.Ordinal)
                && Card(c).Contains("INC-", StringComparison.Ordinal),
            Waits.Patience, "posting the incident declared from the alert");
        var store = alerting.Services.GetRequiredService<IIncidentStore>();
        var incident = Assert.Single(await store.ListOpenAsync(null, CancellationToken.None));
        Assert.Equal(("teams", _channel), (incident.Place.Platform, incident.Place.Channel));
        var first = (await store.TimelineAsync(incident.Id, CancellationToken.None))[0];
        Assert.Equal((TimelineKind.AlertFired, firedAt), (first.Kind, first.At));
    }

    private async Task<HttpResponseMessage> PostAsync(string json, string token, HttpClient? client = null, string path = "/api/messages")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await (client ?? _client).SendAsync(request);
    }

    private static string Card(FakeBotFramework.Call call) => call.Body?.ToJsonString() ?? "";

    /// <summary>An Action.Execute button's data on the posted card, found by its title.</summary>
    private static JsonObject Button(FakeBotFramework.Call post, string title)
    {
        var card = post.Body!["activity"]!["attachments"]![0]!["content"]!;
        return Descendants(card).OfType<JsonObject>()
            .First(n => (string?)n["type"] == "Action.Execute" && (string?)n["title"] == title)["data"]!.AsObject();
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node) => node switch
    {
        JsonObject o => o.Select(p => p.Value).OfType<JsonNode>().SelectMany(Descendants).Prepend(o),
        JsonArray a => a.OfType<JsonNode>().SelectMany(Descendants).Prepend(a),
        _ => [node],
    };

    private string Message(string id, string conversationId, string command) => new JsonObject
    {
        ["type"] = "message",
        ["id"] = id,
        ["text"] = "<at>ChatOps</at> " + command,
        ["textFormat"] = "plain",
        ["channelId"] = "msteams",
        ["serviceUrl"] = TeamsChatOpsFactory.ServiceUrl,
        ["from"] = new JsonObject { ["id"] = "29:alice", ["name"] = "Alice Example", ["aadObjectId"] = Alice },
        ["conversation"] = Conversation(conversationId),
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "ChatOps" },
        ["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = "<at>ChatOps</at>",
            ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = "ChatOps" },
        }),
        ["channelData"] = ChannelData(),
    }.ToJsonString();

    private string Click(string id, string rootId, JsonObject data) => new JsonObject
    {
        ["type"] = "invoke",
        ["name"] = "adaptiveCard/action",
        ["id"] = id,
        ["channelId"] = "msteams",
        ["serviceUrl"] = TeamsChatOpsFactory.ServiceUrl,
        ["from"] = new JsonObject { ["id"] = "29:bob", ["name"] = "Bob Example", ["aadObjectId"] = Bob },
        ["conversation"] = Conversation($"{_channel};messageid={rootId}"),
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "ChatOps" },
        ["channelData"] = ChannelData(),
        ["replyToId"] = rootId,
        ["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = (string?)data["actionId"], ["data"] = data.DeepClone() },
            ["trigger"] = "manual",
        },
    }.ToJsonString();

    private static JsonObject Conversation(string id) => new()
    {
        ["isGroup"] = true, ["conversationType"] = "channel", ["tenantId"] = FakeBotFramework.Tenant, ["id"] = id,
    };

    private JsonObject ChannelData() => new()
    {
        ["channel"] = new JsonObject { ["id"] = _channel },
        ["team"] = new JsonObject { ["id"] = Team },
        ["tenant"] = new JsonObject { ["id"] = FakeBotFramework.Tenant },
    };
}
