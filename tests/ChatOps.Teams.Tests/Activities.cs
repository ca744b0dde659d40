namespace ChatOps.Teams.Tests;

/// <summary>Activities as Teams posts them (shapes from the Bot Framework's activity schema and captured Teams payloads).</summary>
internal static class Activities
{
    public const string BotId = "28:" + FakeChannelIdentity.AppId;
    public const string Channel = "19:6848757105754dd6a8a2b9c4b9e2cb2f@thread.tacv2";
    public const string Tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public const string Alice = "b7a8c3d2-1e0f-4a5b-8c7d-6e5f4a3b2c1d";
    public const string Bob = "0d9e8f7a-6b5c-4d3e-2f1a-0b9c8d7e6f5a";

    /// <summary>A message in a channel's reply chain that mentions the bot and a colleague.</summary>
    public static string ChannelMessage(
        string text = "<at>ChatOps</at> incident declare sev2 GPU saturation &amp; queue growth",
        string conversationId = Channel + ";messageid=1759881511856",
        string channelId = "msteams",
        string serviceUrl = FakeChannelIdentity.ServiceUrl,
        string id = "1759944781430",
        string mentions = "") => $$"""
        {
          "text": "{{text}}",
          "textFormat": "plain",
          "attachments": [{ "contentType": "text/html", "content": "<p>{{text}}</p>" }],
          "type": "message",
          "timestamp": "2026-11-28T09:00:00.0000000Z",
          "localTimestamp": "2026-11-28T10:00:00.0000000+01:00",
          "id": "{{id}}",
          "channelId": "{{channelId}}",
          "serviceUrl": "{{serviceUrl}}",
          "from": { "id": "29:1GcS4EyB_oSI8A88XmWBN7NJFyMqe3QGnJdgLfFGkJnVelzRGos0bOoXd6eNvXrR2mV4s8Ut3Cw6fYqXkP0hxA", "name": "Alice Example", "aadObjectId": "{{Alice}}" },
          "conversation": { "isGroup": true, "conversationType": "channel", "tenantId": "{{Tenant}}", "id": "{{conversationId}}" },
          "recipient": { "id": "{{BotId}}", "name": "ChatOps" },
          "entities": [
            { "mentioned": { "id": "{{BotId}}", "name": "ChatOps" }, "text": "<at>ChatOps</at>", "type": "mention" }{{mentions}},
            { "locale": "en-US", "country": "US", "platform": "Web", "timezone": "Europe/Berlin", "type": "clientInfo" }
          ],
          "channelData": {
            "teamsChannelId": "{{Channel}}",
            "teamsTeamId": "19:c6d9a1b4e2f34f8c9a0b1c2d3e4f5a6b@thread.tacv2",
            "channel": { "id": "{{Channel}}" },
            "team": { "id": "19:c6d9a1b4e2f34f8c9a0b1c2d3e4f5a6b@thread.tacv2" },
            "tenant": { "id": "{{Tenant}}" }
          },
          "locale": "en-US",
          "localTimezone": "Europe/Berlin"
        }
        """;

    /// <summary>A click on an Action.Execute button of one of our cards.</summary>
    public static string CardAction(string actionId = "incident.command", string value = "approve MIT-1", string id = "f:8f2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d") => $$"""
        {
          "name": "adaptiveCard/action",
          "type": "invoke",
          "timestamp": "2026-11-28T09:05:00.000Z",
          "localTimestamp": "2026-11-28T10:05:00.000+01:00",
          "id": "{{id}}",
          "channelId": "msteams",
          "serviceUrl": "{{FakeChannelIdentity.ServiceUrl}}",
          "from": { "id": "29:1xyz", "name": "Bob Example", "aadObjectId": "{{Bob}}" },
          "conversation": { "isGroup": true, "conversationType": "channel", "tenantId": "{{Tenant}}", "id": "{{Channel}};messageid=1759881511856" },
          "recipient": { "id": "{{BotId}}", "name": "ChatOps" },
          "entities": [{ "locale": "en-US", "country": "US", "platform": "Web", "timezone": "Europe/Berlin", "type": "clientInfo" }],
          "channelData": { "channel": { "id": "{{Channel}}" }, "team": { "id": "19:c6d9a1b4e2f34f8c9a0b1c2d3e4f5a6b@thread.tacv2" }, "tenant": { "id": "{{Tenant}}" }, "source": { "name": "message" } },
          "replyToId": "1759881600000",
          "value": {
            "action": { "type": "Action.Execute", "title": "Approve", "verb": "{{actionId}}", "data": { "actionId": "{{actionId}}", "value": "{{value}}" } },
            "trigger": "manual"
          },
          "locale": "en-US"
        }
        """;

    /// <summary>The same button's Action.Submit fallback, as an older client sends it.</summary>
    public static string Submitted(string value = "approve MIT-1") => $$"""
        {
          "type": "message",
          "id": "1759944790000",
          "channelId": "msteams",
          "serviceUrl": "{{FakeChannelIdentity.ServiceUrl}}",
          "from": { "id": "29:1xyz", "name": "Bob Example", "aadObjectId": "{{Bob}}" },
          "conversation": { "isGroup": true, "conversationType": "channel", "tenantId": "{{Tenant}}", "id": "{{Channel}};messageid=1759881511856" },
          "recipient": { "id": "{{BotId}}", "name": "ChatOps" },
          "channelData": { "channel": { "id": "{{Channel}}" }, "tenant": { "id": "{{Tenant}}" } },
          "replyToId": "1759881600000",
          "value": { "actionId": "incident.command", "value": "{{value}}" }
        }
        """;

    /// <summary>A message in the personal chat between a person and the bot: no mention, no channel.</summary>
    public static string Personal(string text = "incident status") => $$"""
        {
          "type": "message",
          "id": "1759944800000",
          "text": "{{text}}",
          "channelId": "msteams",
          "serviceUrl": "{{FakeChannelIdentity.ServiceUrl}}",
          "from": { "id": "29:1abc", "name": "Alice Example", "aadObjectId": "{{Alice}}" },
          "conversation": { "conversationType": "personal", "tenantId": "{{Tenant}}", "id": "a:1rT9kQ2vXbWz8mN3pL6sH4jF0dG7cY5eA" },
          "recipient": { "id": "{{BotId}}", "name": "ChatOps" },
          "channelData": { "tenant": { "id": "{{Tenant}}" } }
        }
        """;

    public static string OfType(string type) => $$"""
        {
          "type": "{{type}}",
          "id": "f:1",
          "action": "add",
          "channelId": "msteams",
          "serviceUrl": "{{FakeChannelIdentity.ServiceUrl}}",
          "from": { "id": "29:1abc", "aadObjectId": "{{Alice}}" },
          "conversation": { "conversationType": "channel", "tenantId": "{{Tenant}}", "id": "{{Channel}}" },
          "recipient": { "id": "{{BotId}}", "name": "ChatOps" }
        }
        """;

    /// <summary>
    /// The data of a form's button as the renderer writes it, with the inputs' values merged in by Teams:
    /// <c>fields</c> lists the inputs in order, each input's value is a property of the data named by its id.
    /// </summary>
    public static string FormData(string command, string subject) =>
        $$"""{ "actionId": "incident.form", "value": "{{command}}", "fields": ["field.subject"], "field.subject": "{{subject}}" }""";

    /// <summary>The declare form's data with its three inputs, as Teams sends them (an empty optional input is an empty string).</summary>
    public static string DeclareData(string title = "GPU saturation", string severity = "sev2", string description = "") =>
        $$"""{ "actionId": "teams.declare", "value": "declare", "field.title": "{{title}}", "field.severity": "{{severity}}", "field.description": "{{description}}" }""";

    /// <summary>A click on a form's Action.Execute (inside its Action.ShowCard), as an invoke.</summary>
    public static string FormAction(string data, string id = "f:5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d") => $$"""
        {
          "name": "adaptiveCard/action",
          "type": "invoke",
          "timestamp": "2026-11-28T09:06:00.000Z",
          "id": "{{id}}",
          "channelId": "msteams",
          "serviceUrl": "{{FakeChannelIdentity.ServiceUrl}}",
          "from": { "id": "29:1xyz", "name": "Bob Example", "aadObjectId": "{{Bob}}" },
          "conversation": { "isGroup": true, "conversationType": "channel", "tenantId": "{{Tenant}}", "id": "{{Channel}};messageid=1759881511856" },
          "recipient": { "id": "{{BotId}}", "name": "ChatOps" },
          "channelData": { "channel": { "id": "{{Channel}}" }, "tenant": { "id": "{{Tenant}}" }, "source": { "name": "message" } },
          "replyToId": "1759881600000",
          "value": {
            "action": { "type": "Action.Execute", "title": "Request", "verb": "chatops", "data": {{data}} },
            "trigger": "manual"
          },
          "locale": "en-US"
        }
        """;

    /// <summary>The same form's Action.Submit fallback: a message whose value is the data with the inputs merged in.</summary>
    public static string FormSubmitted(string data, string id = "1759944795000") => $$"""
        {
          "type": "message",
          "id": "{{id}}",
          "channelId": "msteams",
          "serviceUrl": "{{FakeChannelIdentity.ServiceUrl}}",
          "from": { "id": "29:1xyz", "name": "Bob Example", "aadObjectId": "{{Bob}}" },
          "conversation": { "isGroup": true, "conversationType": "channel", "tenantId": "{{Tenant}}", "id": "{{Channel}};messageid=1759881511856" },
          "recipient": { "id": "{{BotId}}", "name": "ChatOps" },
          "channelData": { "channel": { "id": "{{Channel}}" }, "tenant": { "id": "{{Tenant}}" } },
          "replyToId": "1759881600000",
          "value": {{data}}
        }
        """;
}
