using System.Text.Json.Nodes;

namespace ChatOps.LocalWorkspace;

/// <summary>
/// Requests shaped as Slack sends them (https://docs.slack.dev/interactivity/implementing-slash-commands,
/// …/handling-user-interaction, …/reference/events/app_mention), and their signature. The local workspace sends
/// them to the bot; the tests use the same builders.
/// </summary>
internal static class LocalRequests
{
    public const string FormType = "application/x-www-form-urlencoded";
    public const string JsonType = "application/json";

    public static string SlashCommand(string user, string channel, string text, string triggerId) =>
        Form(("token", "local"), ("team_id", "T0LOCAL"), ("team_domain", "local"), ("channel_id", channel),
            ("channel_name", WorkspaceDirectory.ChannelName), ("user_id", user), ("user_name", WorkspaceDirectory.User(user)?.Name ?? user),
            ("command", "/incident"), ("text", text), ("api_app_id", "A0LOCAL"), ("is_enterprise_install", "false"),
            ("response_url", "http://localhost/local/response"), ("trigger_id", triggerId));

    public static string BlockActions(
        string user, string channel, string messageTs, string? threadTs, string actionId, string value, string actionTs, string triggerId)
    {
        var message = new JsonObject { ["type"] = "message", ["ts"] = messageTs, ["bot_id"] = "B0LOCAL" };
        if (threadTs is not null) message["thread_ts"] = threadTs;
        var container = new JsonObject
        {
            ["type"] = "message", ["message_ts"] = messageTs, ["channel_id"] = channel, ["is_ephemeral"] = false,
        };
        if (threadTs is not null) container["thread_ts"] = threadTs;
        return Payload(new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = UserObject(user),
            ["api_app_id"] = "A0LOCAL",
            ["trigger_id"] = triggerId,
            ["team"] = new JsonObject { ["id"] = "T0LOCAL", ["domain"] = "local" },
            ["container"] = container,
            ["channel"] = new JsonObject { ["id"] = channel, ["name"] = WorkspaceDirectory.ChannelName },
            ["message"] = message,
            ["actions"] = new JsonArray(new JsonObject
            {
                ["type"] = "button", ["action_id"] = actionId, ["block_id"] = "b", ["value"] = value, ["action_ts"] = actionTs,
            }),
        });
    }

    /// <summary>
    /// A view_submission; <paramref name="values"/> maps block id to the typed text, or to the chosen option's value for
    /// selects.
    /// </summary>
    public static string ViewSubmission(
        string user,
        string viewId,
        string callbackId,
        string? privateMetadata,
        IReadOnlyDictionary<string, (string Type, string? Value)> values)
    {
        var state = new JsonObject();
        foreach (var (block, (type, value)) in values)
        {
            var entry = new JsonObject { ["type"] = type };
            if (type == "static_select") entry["selected_option"] = value is null ? null : new JsonObject { ["value"] = value };
            else entry["value"] = value;
            state[block] = new JsonObject { [block] = entry };
        }
        return Payload(new JsonObject
        {
            ["type"] = "view_submission",
            ["user"] = UserObject(user),
            ["team"] = new JsonObject { ["id"] = "T0LOCAL", ["domain"] = "local" },
            ["api_app_id"] = "A0LOCAL",
            ["view"] = new JsonObject
            {
                ["id"] = viewId, ["type"] = "modal", ["callback_id"] = callbackId, ["private_metadata"] = privateMetadata,
                ["state"] = new JsonObject { ["values"] = state },
            },
        });
    }

    public static string AppMention(string eventId, string user, string channel, string text, string ts, string? threadTs)
    {
        var mention = new JsonObject
        {
            ["type"] = "app_mention", ["user"] = user, ["text"] = text, ["ts"] = ts, ["channel"] = channel, ["event_ts"] = ts,
        };
        if (threadTs is not null) mention["thread_ts"] = threadTs;
        return new JsonObject
        {
            ["token"] = "local", ["team_id"] = "T0LOCAL", ["api_app_id"] = "A0LOCAL", ["type"] = "event_callback",
            ["event_id"] = eventId, ["event_time"] = 0, ["event"] = mention,
            ["authorizations"] = new JsonArray(
                new JsonObject { ["team_id"] = "T0LOCAL", ["user_id"] = WorkspaceDirectory.BotUserId, ["is_bot"] = true }),
        }.ToJsonString();
    }

    public static string UrlVerification(string challenge) =>
        new JsonObject { ["token"] = "local", ["challenge"] = challenge, ["type"] = "url_verification" }.ToJsonString();

    /// <summary>The two headers Slack signs a request with.</summary>
    public static (string Timestamp, string Signature) Sign(string secret, string body, DateTimeOffset now) =>
        SlackSigner.Sign(secret, body, now);

    /// <summary>What Slack does to a slash command's text with <c>should_escape</c>: escape, and turn @name into a mention.</summary>
    public static string EscapeCommandText(string typed)
    {
        var escaped = typed
            .Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);
        foreach (var user in WorkspaceDirectory.Users)
            escaped = escaped.Replace("@" + user.Name, $"<@{user.Id}|{user.Name}>", StringComparison.Ordinal);
        return escaped;
    }

    private static JsonObject UserObject(string user) => new()
    {
        ["id"] = user, ["username"] = WorkspaceDirectory.User(user)?.Name ?? user, ["name"] = WorkspaceDirectory.User(user)?.Name ?? user,
        ["team_id"] = "T0LOCAL",
    };

    private static string Payload(JsonObject payload) => "payload=" + Uri.EscapeDataString(payload.ToJsonString());

    private static string Form(params (string Name, string Value)[] fields) =>
        string.Join('&', fields.Select(f => $"{f.Name}={Uri.EscapeDataString(f.Value)}"));
}
