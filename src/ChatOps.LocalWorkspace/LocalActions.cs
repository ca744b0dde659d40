using System.Text.Json.Nodes;

namespace ChatOps.LocalWorkspace;

/// <summary>What a person does on the page, done as Slack does it: a signed request to the bot, and what Slack then shows.</summary>
internal sealed class LocalActions(Workspace workspace, LocalForwarder forwarder)
{
    public async Task<JsonObject> CommandAsync(JsonObject input, CancellationToken cancellationToken)
    {
        var user = UserOf(input);
        var body = LocalRequests.SlashCommand(
            user, WorkspaceDirectory.ChannelId, LocalRequests.EscapeCommandText(Text(input, "text")), workspace.IssueTrigger(user));
        var (status, answer, type) = await forwarder.SendAsync("slack/commands", body, LocalRequests.FormType, cancellationToken);
        // Slack shows a command's immediate answer to its sender alone; a failure reads like Slack's own notice.
        if (status != 200) ShowEphemeral(user, null, $"/incident failed with the error \"http_{status}\"", null);
        else if (answer.Length > 0 && type == "application/json" && JsonNode.Parse(answer) is JsonObject reply)
            ShowEphemeral(user, null, (string?)reply["text"] ?? "", reply["blocks"]?.DeepClone());
        else if (answer.Length > 0) ShowEphemeral(user, null, answer, null);
        return new JsonObject { ["status"] = status };
    }

    public async Task<JsonObject> MessageAsync(JsonObject input, CancellationToken cancellationToken)
    {
        var user = UserOf(input);
        var thread = (string?)input["thread_ts"];
        var text = LocalRequests.EscapeCommandText(Text(input, "text"));
        var ts = workspace.NextTs();
        workspace.Add(new LocalMessage(WorkspaceDirectory.ChannelId, ts, thread, user, text, null));
        if (!text.Contains($"<@{WorkspaceDirectory.BotUserId}", StringComparison.Ordinal)) return new JsonObject { ["status"] = 200 };
        var body = LocalRequests.AppMention(workspace.NextId('E'), user, WorkspaceDirectory.ChannelId, text, ts, thread);
        var (status, _, _) = await forwarder.SendAsync("slack/events", body, LocalRequests.JsonType, cancellationToken);
        return new JsonObject { ["status"] = status };
    }

    public async Task<JsonObject> ClickAsync(JsonObject input, CancellationToken cancellationToken)
    {
        var user = UserOf(input);
        var ts = Text(input, "ts");
        var message = workspace.Messages.FirstOrDefault(m => m.Ts == ts);
        if (message is null) return new JsonObject { ["status"] = 404 };
        var body = LocalRequests.BlockActions(user, message.Channel, message.Ts, message.ThreadTs,
            Text(input, "action_id"), Text(input, "value"), workspace.NextTs(), workspace.IssueTrigger(user));
        var (status, _, _) = await forwarder.SendAsync("slack/interactions", body, LocalRequests.FormType, cancellationToken);
        return new JsonObject { ["status"] = status };
    }

    public async Task<JsonObject> SubmitAsync(JsonObject input, CancellationToken cancellationToken)
    {
        if (workspace.View(Text(input, "view_id")) is not { } view) return new JsonObject { ["status"] = 404 };
        var values = new Dictionary<string, (string, string?)>(StringComparer.Ordinal);
        if (input["values"] is JsonObject given)
        {
            foreach (var (block, value) in given)
                values[block] = ((string?)value?["type"] ?? "plain_text_input", (string?)value?["value"]);
        }
        var body = LocalRequests.ViewSubmission(
            view.User, view.Id, (string?)view.View["callback_id"] ?? "", (string?)view.View["private_metadata"], values);
        var (status, answer, type) = await forwarder.SendAsync("slack/interactions", body, LocalRequests.FormType, cancellationToken);
        // Slack keeps the modal open with the errors under their inputs; anything else closes it.
        if (status == 200 && type == "application/json" && answer.Length > 0 && JsonNode.Parse(answer) is JsonObject reply
            && (string?)reply["response_action"] == "errors" && reply["errors"] is JsonObject errors)
        {
            workspace.PutView(view with { Errors = errors.ToDictionary(e => e.Key, e => (string?)e.Value ?? "", StringComparer.Ordinal) });
            return new JsonObject { ["status"] = status, ["errors"] = errors.DeepClone() };
        }
        workspace.CloseView(view.Id);
        return new JsonObject { ["status"] = status };
    }

    public JsonObject Close(JsonObject input)
    {
        workspace.CloseView(Text(input, "view_id"));
        return new JsonObject { ["status"] = 200 };
    }

    private void ShowEphemeral(string user, string? thread, string text, JsonNode? blocks) =>
        workspace.Add(new LocalMessage(
            WorkspaceDirectory.ChannelId, workspace.NextTs(), thread, WorkspaceDirectory.BotUserId, text, blocks, VisibleTo: user));

    private static string UserOf(JsonObject input) =>
        WorkspaceDirectory.User(Text(input, "user")) is { IsBot: false } user ? user.Id : WorkspaceDirectory.Users[0].Id;

    private static string Text(JsonObject input, string name) =>
        input[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : string.Empty;
}
