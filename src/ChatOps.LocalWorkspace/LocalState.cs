using System.Text.Json.Nodes;

namespace ChatOps.LocalWorkspace;

/// <summary>The workspace as the page draws it: the channel, its messages (threads and ephemerals included) and open modals.</summary>
internal static class LocalState
{
    public static JsonObject Snapshot(Workspace workspace)
    {
        var version = workspace.Version;
        return new JsonObject
        {
            ["version"] = version,
            ["channel"] = new JsonObject { ["id"] = WorkspaceDirectory.ChannelId, ["name"] = WorkspaceDirectory.ChannelName },
            ["bot"] = WorkspaceDirectory.BotUserId,
            ["users"] = new JsonArray([.. WorkspaceDirectory.Users.Select(u => (JsonNode)new JsonObject
            {
                ["id"] = u.Id, ["name"] = u.Name, ["bot"] = u.IsBot,
                ["manager"] = WorkspaceDirectory.Groups.Values.Any(g => g.Contains(u.Id)),
                ["approver"] = u.Id == WorkspaceDirectory.Approver,
            })]),
            ["messages"] = new JsonArray([.. workspace.Messages.Select(m => (JsonNode)new JsonObject
            {
                ["channel"] = m.Channel, ["ts"] = m.Ts, ["thread_ts"] = m.ThreadTs, ["user"] = m.User, ["text"] = m.Text,
                ["blocks"] = Workspace.Clone(m.Blocks), ["visible_to"] = m.VisibleTo, ["edited"] = m.Edited,
                ["files"] = new JsonArray([.. (m.Files ?? []).Select(f =>
                    (JsonNode)new JsonObject { ["id"] = f.Id, ["name"] = f.Name, ["title"] = f.Title })]),
            })]),
            ["views"] = new JsonArray([.. workspace.Views.Select(v => (JsonNode)new JsonObject
            {
                ["id"] = v.Id, ["user"] = v.User, ["view"] = Workspace.Clone(v.View),
                ["errors"] = v.Errors is null
                    ? null
                    : new JsonObject([.. v.Errors.Select(e => KeyValuePair.Create(e.Key, (JsonNode?)e.Value))]),
            })]),
        };
    }
}
