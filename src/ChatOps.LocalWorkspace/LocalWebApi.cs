using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatOps.LocalWorkspace;

/// <summary>
/// The Web API methods the bot uses, served from the local workspace with Slack's answers: HTTP 200 with
/// <c>{"ok":…}</c>, or a 429 / 5xx when a fault was asked for. Bodies may be JSON or form-encoded, as with Slack.
/// </summary>
internal sealed class LocalWebApi(Workspace workspace)
{
    public const string UploadPrefix = "_upload/";

    public LocalApiResponse Handle(string method, string? contentType, byte[] body, string? authorization, Uri requestUri)
    {
        if (method.StartsWith(UploadPrefix, StringComparison.Ordinal)) return Upload(method[UploadPrefix.Length..], body);

        var args = Arguments(contentType, body);
        if (authorization != $"Bearer {WorkspaceDirectory.BotToken}")
            return Answer(method, args, Fail(authorization is null ? "not_authed" : "invalid_auth"));
        if (workspace.TakeFault(method) is { } fault)
        {
            workspace.Record(new RecordedCall(method, args, fault.Status, fault.Error));
            return fault.Status == 200
                ? new LocalApiResponse(200, Fail(fault.Error!).ToJsonString())
                : new LocalApiResponse(fault.Status, fault.Error is null ? "" : Fail(fault.Error).ToJsonString(), fault.RetryAfterSeconds);
        }
        var answer = method switch
        {
            "auth.test" => Ok(new JsonObject { ["user_id"] = WorkspaceDirectory.BotUserId, ["team"] = "local" }),
            "chat.postMessage" => PostMessage(args),
            "chat.update" => Update(args),
            "chat.postEphemeral" => PostEphemeral(args),
            "views.open" => OpenView(args),
            "users.info" => UserInfo(args),
            "usergroups.users.list" => GroupMembers(args),
            "files.getUploadURLExternal" => UploadUrl(args, requestUri),
            "files.completeUploadExternal" => CompleteUpload(args),
            _ => Fail("unknown_method"),
        };
        return Answer(method, args, answer);
    }

    private LocalApiResponse Answer(string method, JsonObject args, JsonObject answer)
    {
        workspace.Record(new RecordedCall(method, args, 200, (bool?)answer["ok"] == true ? null : (string?)answer["error"]));
        return new LocalApiResponse(200, answer.ToJsonString());
    }

    private JsonObject PostMessage(JsonObject args)
    {
        if (Text(args, "channel") is not { Length: > 0 } channel) return Fail("channel_not_found");
        if (Check(args) is { } error) return Fail(error);
        var thread = Text(args, "thread_ts");
        if (thread is not null && !workspace.HasMessage(channel, thread)) return Fail("thread_not_found");
        var ts = workspace.NextTs();
        workspace.Add(new LocalMessage(channel, ts, thread, WorkspaceDirectory.BotUserId, Text(args, "text") ?? "", Node(args, "blocks")));
        return Ok(new JsonObject
        {
            ["channel"] = channel, ["ts"] = ts, ["message"] = new JsonObject { ["ts"] = ts, ["text"] = Text(args, "text") },
        });
    }

    private JsonObject Update(JsonObject args)
    {
        var (channel, ts) = (Text(args, "channel") ?? "", Text(args, "ts") ?? "");
        if (Check(args) is { } error) return Fail(error);
        var updated = workspace.Replace(channel, ts, m =>
            m with { Text = Text(args, "text") ?? m.Text, Blocks = Node(args, "blocks") ?? m.Blocks, Edited = true });
        return updated ? Ok(new JsonObject { ["channel"] = channel, ["ts"] = ts }) : Fail("message_not_found");
    }

    private JsonObject PostEphemeral(JsonObject args)
    {
        if (Text(args, "channel") is not { Length: > 0 } channel) return Fail("channel_not_found");
        if (Text(args, "user") is not { Length: > 0 } user) return Fail("user_not_found");
        if (Check(args) is { } error) return Fail(error);
        var ts = workspace.NextTs();
        workspace.Add(new LocalMessage(channel, ts, Text(args, "thread_ts"), WorkspaceDirectory.BotUserId,
            Text(args, "text") ?? "", Node(args, "blocks"), VisibleTo: user));
        return Ok(new JsonObject { ["message_ts"] = ts });
    }

    private JsonObject OpenView(JsonObject args)
    {
        if (workspace.TriggerUser(Text(args, "trigger_id") ?? "") is not { } user) return Fail("invalid_trigger_id");
        if (Node(args, "view") is not JsonObject view) return Fail("invalid_arguments");
        var id = workspace.NextId('V');
        workspace.PutView(new LocalView(id, user, view));
        return Ok(new JsonObject { ["view"] = new JsonObject { ["id"] = id, ["callback_id"] = (string?)view["callback_id"] } });
    }

    private static JsonObject UserInfo(JsonObject args) =>
        WorkspaceDirectory.User(Text(args, "user") ?? "") is { } user
            ? Ok(new JsonObject
            {
                ["user"] = new JsonObject
                {
                    ["id"] = user.Id, ["name"] = user.Name, ["real_name"] = user.RealName, ["is_bot"] = user.IsBot,
                    ["profile"] = new JsonObject { ["display_name"] = user.Name, ["real_name"] = user.RealName },
                },
            })
            : Fail("user_not_found");

    private static JsonObject GroupMembers(JsonObject args) =>
        WorkspaceDirectory.Groups.TryGetValue(Text(args, "usergroup") ?? "", out var members)
            ? Ok(new JsonObject { ["users"] = new JsonArray([.. members.Select(m => (JsonNode)m)]) })
            : Fail("no_such_subteam");

    private JsonObject UploadUrl(JsonObject args, Uri requestUri)
    {
        if (Text(args, "filename") is not { Length: > 0 } name || !long.TryParse(Text(args, "length"), out var length) || length <= 0)
            return Fail("invalid_arguments");
        var id = workspace.NextId('F');
        workspace.PutFile(new LocalFile(id, name, null, null));
        return Ok(new JsonObject { ["upload_url"] = new Uri(requestUri, UploadPrefix + id).ToString(), ["file_id"] = id });
    }

    private LocalApiResponse Upload(string id, byte[] body)
    {
        if (workspace.File(id) is not { } file) return new LocalApiResponse(404, "", ContentType: "text/plain");
        workspace.PutFile(file with { Content = Encoding.UTF8.GetString(body) });
        workspace.Record(new RecordedCall("files.upload", new JsonObject { ["file_id"] = id, ["length"] = body.Length }, 200, null));
        return new LocalApiResponse(200, $"OK - {body.Length}", ContentType: "text/plain");
    }

    private JsonObject CompleteUpload(JsonObject args)
    {
        if (Node(args, "files") is not JsonArray list || list.Count == 0) return Fail("invalid_arguments");
        if (Text(args, "channel_id") is not { Length: > 0 } channel) return Fail("channel_not_found");
        var files = new List<LocalFile>();
        foreach (var entry in list.OfType<JsonObject>())
        {
            if (workspace.File((string?)entry["id"] ?? "") is not { Content: not null } file) return Fail("file_not_found");
            files.Add(file with { Title = (string?)entry["title"] ?? file.Name });
        }
        foreach (var file in files) workspace.PutFile(file);
        workspace.Add(new LocalMessage(channel, workspace.NextTs(), Text(args, "thread_ts"), WorkspaceDirectory.BotUserId,
            Text(args, "initial_comment") ?? "", null, Files: files));
        return Ok(new JsonObject
        {
            ["files"] = new JsonArray([.. files.Select(f => (JsonNode)new JsonObject { ["id"] = f.Id, ["title"] = f.Title })]),
        });
    }

    private static string? Check(JsonObject args)
    {
        var blocks = Node(args, "blocks");
        if (blocks is null && string.IsNullOrEmpty(Text(args, "text"))) return "no_text";
        return LocalBlockRules.Check(blocks);
    }

    private static JsonObject Arguments(string? contentType, byte[] body)
    {
        var text = Encoding.UTF8.GetString(body);
        if (contentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true)
        {
            try
            {
                return JsonNode.Parse(text) as JsonObject ?? [];
            }
            catch (JsonException)
            {
                return [];
            }
        }
        var args = new JsonObject();
        foreach (var (name, value) in FormFields.Parse(text)) args[name] = value;
        return args;
    }

    private static string? Text(JsonObject args, string name) => args[name] switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonValue value => value.ToJsonString(),
        _ => null,
    };

    /// <summary>A JSON argument, sent as JSON or (in a form) as a JSON string.</summary>
    private static JsonNode? Node(JsonObject args, string name)
    {
        var node = args[name];
        if (node is JsonValue value && value.TryGetValue<string>(out var text))
        {
            try
            {
                return JsonNode.Parse(text);
            }
            catch (JsonException)
            {
                return null;
            }
        }
        return node?.DeepClone();
    }

    private static JsonObject Ok(JsonObject fields)
    {
        var answer = new JsonObject { ["ok"] = true };
        foreach (var (name, value) in fields.ToList())
        {
            fields.Remove(name);
            answer[name] = value;
        }
        return answer;
    }

    private static JsonObject Fail(string error) => new() { ["ok"] = false, ["error"] = error };
}
