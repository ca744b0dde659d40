using System.Text.Json.Nodes;

namespace ChatOps.TestKit;

/// <summary>
/// Payloads as Slack sends them over Socket Mode, shaped after the examples in Slack's docs and SDK tests: the same
/// bodies HTTP carries, with a slash command's form fields as a JSON object.
/// </summary>
public static class SocketModePayloads
{
    public const string Team = "T0CHATOPS";
    public const string Channel = "C0INCIDENTS";
    public const string User = "U0ALICE001";
    public const string BotUser = "U0CHATOPS1";

    public static JsonObject SlashCommand(string text) => new()
    {
        ["token"] = "fixed-verification-token",
        ["team_id"] = Team,
        ["team_domain"] = "chatops-test",
        ["channel_id"] = Channel,
        ["channel_name"] = "incidents",
        ["user_id"] = User,
        ["user_name"] = "alice",
        ["command"] = "/incident",
        ["text"] = text,
        ["api_app_id"] = FakeSocketModeServer.AppId,
        ["is_enterprise_install"] = "false",
        ["response_url"] = $"https://hooks.slack.com/commands/{Team}/1111/xxxx",
        ["trigger_id"] = "1111.2222.abcdef",
    };

    public static JsonObject BlockActions(string actionId, string value) => new()
    {
        ["type"] = "block_actions",
        ["user"] = new JsonObject { ["id"] = User, ["username"] = "alice", ["name"] = "alice", ["team_id"] = Team },
        ["api_app_id"] = FakeSocketModeServer.AppId,
        ["token"] = "fixed-verification-token",
        ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = "1700000000.000100", ["channel_id"] = Channel, ["is_ephemeral"] = false },
        ["trigger_id"] = "1111.2222.abcdef",
        ["team"] = new JsonObject { ["id"] = Team, ["domain"] = "chatops-test" },
        ["channel"] = new JsonObject { ["id"] = Channel, ["name"] = "incidents" },
        ["message"] = new JsonObject { ["type"] = "message", ["bot_id"] = "B0CHATOPS1", ["user"] = BotUser, ["text"] = "INC-1", ["ts"] = "1700000000.000100" },
        ["response_url"] = $"https://hooks.slack.com/actions/{Team}/1111/xxxx",
        ["actions"] = new JsonArray(new JsonObject
        {
            ["action_id"] = actionId,
            ["block_id"] = "actions",
            ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Status", ["emoji"] = true },
            ["value"] = value,
            ["type"] = "button",
            ["action_ts"] = "1700000010.123456",
        }),
    };

    public static JsonObject AppMention(string eventId, string text) => new()
    {
        ["token"] = "fixed-verification-token",
        ["team_id"] = Team,
        ["api_app_id"] = FakeSocketModeServer.AppId,
        ["event"] = new JsonObject
        {
            ["type"] = "app_mention",
            ["user"] = User,
            ["text"] = $"<@{BotUser}> {text}",
            ["ts"] = "1700000020.000200",
            ["team"] = Team,
            ["channel"] = Channel,
            ["thread_ts"] = "1700000000.000100",
            ["event_ts"] = "1700000020.000200",
        },
        ["type"] = "event_callback",
        ["event_id"] = eventId,
        ["event_time"] = 1700000020,
        ["authorizations"] = new JsonArray(new JsonObject
        {
            ["enterprise_id"] = null,
            ["team_id"] = Team,
            ["user_id"] = BotUser,
            ["is_bot"] = true,
            ["is_enterprise_install"] = false,
        }),
        ["is_ext_shared_channel"] = false,
        ["event_context"] = $"1-app_mention-{Team}-{Channel}",
    };
}
