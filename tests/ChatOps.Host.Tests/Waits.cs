using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOps.LocalWorkspace;

namespace ChatOps.Host.Tests;

/// <summary>Waits on the local workspace's change signal (never on a clock) and reads what the bot posted.</summary>
internal static class Waits
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<LocalMessage> MessageAsync(this Workspace workspace, Func<LocalMessage, bool> match)
    {
        using var timeout = new CancellationTokenSource(Patience);
        await workspace.WaitUntilAsync(w => w.Messages.Any(match), timeout.Token);
        return workspace.Messages.First(match);
    }

    public static Task<LocalMessage> RootAsync(this Workspace workspace, string channel, string title) =>
        workspace.MessageAsync(m => m.Channel == channel && m.ThreadTs is null && m.VisibleTo is null && m.Content().Contains(title, StringComparison.Ordinal));

    /// <summary>Work of one channel runs in order, so once this note is answered everything sent before it has run.</summary>
    public static async Task BarrierAsync(this Workspace workspace, HttpClient client, string user, string channel, string thread)
    {
        var id = "Ev0" + Guid.NewGuid().ToString("N")[..8];
        await client.MentionAsync(id, user, channel, thread, $"note barrier {id}");
        await workspace.ReplyAsync(thread, $"barrier {id}");
    }

    public static Task<LocalMessage> ReplyAsync(this Workspace workspace, string thread, string text) =>
        workspace.MessageAsync(m => m.ThreadTs == thread && m.Content().Contains(text, StringComparison.Ordinal));

    public static string Content(this LocalMessage message) => message.Text + "\n" + (message.Blocks?.ToJsonString(Readable) ?? "");

    public static (string ActionId, string Value) Button(this LocalMessage message, string label)
    {
        var button = message.Blocks!.AsArray().OfType<JsonObject>().Where(b => (string?)b["type"] == "actions")
            .SelectMany(b => b["elements"]!.AsArray().OfType<JsonObject>())
            .First(e => (string?)e["text"]?["text"] == label);
        return ((string)button["action_id"]!, (string)button["value"]!);
    }

    public static IEnumerable<string> MrkdwnTexts(this LocalMessage message) =>
        message.Blocks?.AsArray().OfType<JsonObject>().SelectMany(b => new[] { b["text"] }
                .Concat(b["fields"]?.AsArray() ?? []).Concat(b["elements"]?.AsArray() ?? []))
            .OfType<JsonObject>().Where(t => (string?)t["type"] == "mrkdwn").Select(t => (string)t["text"]!) ?? [];

    public static string NewChannel() => "C" + Guid.NewGuid().ToString("N")[..9].ToUpperInvariant();
}
