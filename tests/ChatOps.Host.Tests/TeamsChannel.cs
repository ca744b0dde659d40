using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOps.TestKit.Teams;

namespace ChatOps.Host.Tests;

/// <summary>A person in Teams: their Teams user id in the bot's conversations, their AAD object id and their name.</summary>
internal sealed record TeamsPerson(string TeamsId, string AadObjectId, string Name);

/// <summary>
/// A Teams channel as the host tests drive it: activities shaped as Teams sends them, signed by the fake channel and
/// posted to <c>/api/messages</c>; and what the bot sent there, read from the fake connector's recorded calls.
/// </summary>
/// <param name="id">The channel's id; a new one unless the test speaks into a channel it already has (with another token).</param>
internal sealed class TeamsChannel(HttpClient client, Func<string> token, FakeBotFramework connector, string? id = null)
{
    public const string BotId = "28:" + FakeBotFramework.AppId;
    public const string Team = "19:c6d9a1b4e2f34f8c9a0b1c2d3e4f5a6b@thread.tacv2";
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private long _ids = 1770000000000 + Random.Shared.Next(1_000_000) * 1000L;

    public string Id { get; } = id ?? $"19:{Guid.NewGuid():N}@thread.tacv2";

    /// <summary>The escaped conversation of a reply chain, as the connector's paths carry it.</summary>
    public string Chain(string root) => Uri.EscapeDataString($"{Id};messageid={root}");

    /// <summary>
    /// <paramref name="from"/> mentions the bot with <paramref name="command"/>: a new post in the channel (its own reply
    /// chain), or a reply in the chain of <paramref name="root"/>. <paramref name="mentions"/> are people mentioned as
    /// Teams mentions them (a Teams user id, no AAD object id), each written as <c>@Name</c> in the command.
    /// </summary>
    public Task<HttpResponseMessage> SayAsync(TeamsPerson from, string command, string? root = null, string? id = null, params TeamsPerson[] mentions)
    {
        id ??= NextId();
        var text = mentions.Aggregate(command, (t, m) => t.Replace("@" + m.Name, $"<at>{m.Name}</at>", StringComparison.Ordinal));
        var entities = new JsonArray(Mention(BotId, "ChatOps"));
        foreach (var person in mentions) entities.Add(Mention(person.TeamsId, person.Name));
        return PostAsync(new JsonObject
        {
            ["type"] = "message",
            ["id"] = id,
            ["text"] = "<at>ChatOps</at> " + text,
            ["textFormat"] = "plain",
            ["channelId"] = "msteams",
            ["serviceUrl"] = TeamsChatOpsFactory.ServiceUrl,
            ["from"] = Account(from),
            ["conversation"] = Conversation($"{Id};messageid={root ?? id}"),
            ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "ChatOps" },
            ["entities"] = entities,
            ["channelData"] = ChannelData(),
        }.ToJsonString());
    }

    /// <summary>An <c>adaptiveCard/action</c> invoke: <paramref name="from"/> clicked a button of message <paramref name="clicked"/> in the chain of <paramref name="root"/>.</summary>
    public Task<HttpResponseMessage> ClickAsync(TeamsPerson from, string root, string clicked, JsonObject data, string title, string? id = null) =>
        PostAsync(new JsonObject
        {
            ["type"] = "invoke",
            ["name"] = "adaptiveCard/action",
            ["id"] = id ?? "f:" + Guid.NewGuid(),
            ["channelId"] = "msteams",
            ["serviceUrl"] = TeamsChatOpsFactory.ServiceUrl,
            ["from"] = Account(from),
            ["conversation"] = Conversation($"{Id};messageid={root}"),
            ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "ChatOps" },
            ["channelData"] = ChannelData(),
            ["replyToId"] = clicked,
            ["value"] = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["title"] = title, ["verb"] = "chatops", ["data"] = data.DeepClone() },
                ["trigger"] = "manual",
            },
        }.ToJsonString());

    public async Task<HttpResponseMessage> PostAsync(string json, string? signed = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", signed ?? token());
        return await client.SendAsync(request);
    }

    /// <summary>The first call the bot made in this channel that matches, as soon as it is made.</summary>
    public Task<FakeBotFramework.Call> WaitForAsync(Func<FakeBotFramework.Call, bool> match, string what) =>
        connector.WaitForAsync(c => In(c) && match(c), Waits.Patience, what);

    /// <summary>The bot's post of a new reply chain (an incident's root card) whose card contains <paramref name="text"/>.</summary>
    public Task<FakeBotFramework.Call> RootAsync(string text) =>
        WaitForAsync(c => c is { Method: "POST", Target: "/emea/v3/conversations" } && Card(c).Contains(text, StringComparison.Ordinal), $"posting a root with '{text}'");

    /// <summary>The bot's reply in the chain of <paramref name="root"/> whose card contains <paramref name="text"/>.</summary>
    public Task<FakeBotFramework.Call> ReplyAsync(string root, string text) =>
        WaitForAsync(c => c.Method == "POST" && c.Target == $"/emea/v3/conversations/{Chain(root)}/activities/{root}"
            && Card(c).Contains(text, StringComparison.Ordinal), $"replying '{text}' in the chain of {root}");

    /// <summary>The bot's update of <paramref name="message"/> (in the chain of <paramref name="root"/>) whose card contains <paramref name="text"/>.</summary>
    public Task<FakeBotFramework.Call> UpdateAsync(string root, string message, string text) =>
        WaitForAsync(c => c.Method == "PUT" && c.Target == $"/emea/v3/conversations/{Chain(root)}/activities/{message}"
            && Card(c).Contains(text, StringComparison.Ordinal), $"updating {message} to show '{text}'");

    /// <summary>Every card the bot sent in this channel, each checked against the Adaptive Cards rules Teams applies.</summary>
    public void AssertEveryCardKeepsTheRules()
    {
        var sent = connector.Calls.Where(c => In(c) && c.Method is "POST" or "PUT" && c.Status == 200).ToList();
        Assert.NotEmpty(sent);
        foreach (var call in sent)
        {
            var problems = AdaptiveCardRules.CheckActivity(call.Body);
            Assert.True(problems.Count == 0, $"{call.Method} {call.Target}:\n{AdaptiveCardRules.Describe(problems)}\n{call.Body}");
        }
    }

    /// <summary>The card of a connector call, as JSON text (only quotes and backslashes escaped).</summary>
    public static string Card(FakeBotFramework.Call call) => (call.Body?["activity"] ?? call.Body)?["attachments"]?[0]?["content"]?.ToJsonString(Readable) ?? "";

    /// <summary>The data of the <c>Action.Execute</c> that sends <paramref name="value"/>, wherever it is on the card (inline cards included).</summary>
    public static JsonObject Button(FakeBotFramework.Call call, Func<string, bool> value)
    {
        var card = (call.Body?["activity"] ?? call.Body)!["attachments"]![0]!["content"]!;
        return Descendants(card).OfType<JsonObject>()
            .First(n => (string?)n["type"] == "Action.Execute" && n["data"]?["value"] is JsonValue v && value((string)v!))["data"]!.AsObject();
    }

    public static IEnumerable<JsonNode> Descendants(JsonNode node) => node switch
    {
        JsonObject o => o.Select(p => p.Value).OfType<JsonNode>().SelectMany(Descendants).Prepend(o),
        JsonArray a => a.OfType<JsonNode>().SelectMany(Descendants).Prepend(a),
        _ => [node],
    };

    private bool In(FakeBotFramework.Call call) =>
        call.Target.Contains(Uri.EscapeDataString(Id), StringComparison.Ordinal) || (string?)call.Body?["channelData"]?["channel"]?["id"] == Id;

    private string NextId() => Interlocked.Increment(ref _ids).ToString(CultureInfo.InvariantCulture);

    private static JsonObject Account(TeamsPerson person) => new() { ["id"] = person.TeamsId, ["name"] = person.Name, ["aadObjectId"] = person.AadObjectId };

    private static JsonObject Mention(string id, string name) => new()
    {
        ["type"] = "mention",
        ["text"] = $"<at>{name}</at>",
        ["mentioned"] = new JsonObject { ["id"] = id, ["name"] = name },
    };

    private static JsonObject Conversation(string id) => new()
    {
        ["isGroup"] = true, ["conversationType"] = "channel", ["tenantId"] = FakeBotFramework.Tenant, ["id"] = id,
    };

    private JsonObject ChannelData() => new()
    {
        ["channel"] = new JsonObject { ["id"] = Id },
        ["team"] = new JsonObject { ["id"] = Team },
        ["tenant"] = new JsonObject { ["id"] = FakeBotFramework.Tenant },
    };
}
