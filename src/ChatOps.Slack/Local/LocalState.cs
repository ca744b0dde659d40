using System.Text.Json.Nodes;

namespace ChatOps.Slack.Local;

/// <summary>The workspace as the page draws it: the channel, its messages (threads and ephemerals included) and open modals.</summary>
internal static class LocalState
{
    public static JsonObject Snapshot(LocalWorkspace workspace)
    {
        var version = workspace.Version;
        return new JsonObject
        {
            ["version"] = version,
            ["channel"] = new JsonObject { ["id"] = LocalWorkspace.ChannelId, ["name"] = LocalWorkspace.ChannelName },
            ["bot"] = LocalWorkspace.BotUserId,
            ["users"] = new JsonArray([.. LocalWorkspace.Users.Select(u => (JsonNode)new JsonObject
            {
                ["id"] = u.Id, ["name"] = u.Name, ["bot"] = u.IsBot,
                ["manager"] = LocalWorkspace.Groups.Values.Any(g => g.Contains(u.Id)),
            })]),
            ["messages"] = new JsonArray([.. workspace.Messages.Select(m => (JsonNode)new JsonObject
            {
                ["channel"] = m.Channel, ["ts"] = m.Ts, ["thread_ts"] = m.ThreadTs, ["user"] = m.User, ["text"] = m.Text,
                ["blocks"] = LocalWorkspace.Clone(m.Blocks), ["visible_to"] = m.VisibleTo, ["edited"] = m.Edited,
                ["files"] = new JsonArray([.. (m.Files ?? []).Select(f => (JsonNode)new JsonObject { ["id"] = f.Id, ["name"] = f.Name, ["title"] = f.Title })]),
            })]),
            ["views"] = new JsonArray([.. workspace.Views.Select(v => (JsonNode)new JsonObject
            {
                ["id"] = v.Id, ["user"] = v.User, ["view"] = LocalWorkspace.Clone(v.View),
                ["errors"] = v.Errors is null ? null : new JsonObject([.. v.Errors.Select(e => KeyValuePair.Create(e.Key, (JsonNode?)e.Value))]),
            })]),
        };
    }
}
