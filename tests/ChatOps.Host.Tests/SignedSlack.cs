using System.Text;
using ChatOps.LocalWorkspace;
using ChatOps.Slack.Inbound;

namespace ChatOps.Host.Tests;

/// <summary>Sends requests to the bot as Slack does, signed (or forged) on demand.</summary>
internal static class SignedSlack
{
    public static async Task<HttpResponseMessage> PostAsync(this HttpClient client, string path, string body, string contentType,
        string? secret = ChatOpsFactory.Secret, DateTimeOffset? at = null, bool sign = true, IReadOnlyDictionary<string, string>? headers = null,
        Uri? address = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, address is null ? new Uri(path, UriKind.Relative) : new Uri(address, path))
        {
            Content = new StringContent(body, Encoding.UTF8, contentType),
        };
        if (sign)
        {
            var (timestamp, signature) = LocalRequests.Sign(secret ?? "", body, at ?? DateTimeOffset.UtcNow);
            request.Headers.Add(SlackSignature.TimestampHeader, timestamp);
            request.Headers.Add(SlackSignature.SignatureHeader, signature);
        }
        foreach (var (name, value) in headers ?? new Dictionary<string, string>()) request.Headers.Add(name, value);
        return await client.SendAsync(request);
    }

    /// <summary>A slash command; like Slack, each gets a trigger id of its own unless a test gives one.</summary>
    public static Task<HttpResponseMessage> CommandAsync(this HttpClient client, string user, string channel, string text, string? trigger = null,
        Uri? address = null) =>
        client.PostAsync("/slack/commands",
            LocalRequests.SlashCommand(user, channel, LocalRequests.EscapeCommandText(text), trigger ?? $"{Guid.NewGuid():N}.test"), LocalRequests.FormType,
            address: address);

    public static Task<HttpResponseMessage> ClickAsync(this HttpClient client, string user, string channel, string messageTs, string actionId, string value, string actionTs) =>
        client.PostAsync("/slack/interactions", LocalRequests.BlockActions(user, channel, messageTs, null, actionId, value, actionTs, "0.none"), LocalRequests.FormType);

    public static Task<HttpResponseMessage> MentionAsync(this HttpClient client, string eventId, string user, string channel, string thread, string text,
        IReadOnlyDictionary<string, string>? headers = null, Uri? address = null) =>
        client.PostAsync("/slack/events",
            LocalRequests.AppMention(eventId, user, channel, $"<@{WorkspaceDirectory.BotUserId}> {text}", "1700000000.000001", thread),
            LocalRequests.JsonType, headers: headers, address: address);
}
