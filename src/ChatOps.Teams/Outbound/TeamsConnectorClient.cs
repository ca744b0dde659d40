using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ChatOps.Core.Chat;
using ChatOps.Teams.Cards;
using static ChatOps.Teams.ServiceJson;

namespace ChatOps.Teams.Outbound;

/// <summary>
/// The Bot Connector REST calls the bot makes (https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference),
/// each answering the activity id. Retries (429, 412, 502, 504 with backoff and <c>Retry-After</c>) happen in the HTTP
/// pipeline below (<see cref="TeamsResilience"/>); a 401 gets one more try with a fresh token; what still fails arrives
/// as a <see cref="TeamsConnectorException"/>.
/// </summary>
internal sealed class TeamsConnectorClient(HttpClient http, BotTokenProvider tokens)
{
    public const string HttpClientName = "teams-connector";

    /// <summary>
    /// A new post in a channel, which starts its own reply chain: Create Conversation with the channel in
    /// <c>channelData</c>, as Bot Builder's <c>TeamsInfo.SendMessageToTeamsChannelAsync</c> does.
    /// </summary>
    public async Task<string> CreatePostAsync(ConnectorAddress address, string channelId, JsonObject activity, CancellationToken cancellationToken)
    {
        var channelData = new JsonObject { ["channel"] = new JsonObject { ["id"] = channelId } };
        var body = new JsonObject { ["isGroup"] = true, ["channelData"] = channelData, ["activity"] = activity };
        if (address.TenantId is { } tenant)
        {
            channelData["tenant"] = new JsonObject { ["id"] = tenant };
            body["tenantId"] = tenant;
        }
        var url = new Uri(address.ServiceUrl, "v3/conversations");
        var answer = await SendAsync("create-conversation", HttpMethod.Post, url, body, cancellationToken);
        // The answer names the new root as activityId; its conversation id ends in ;messageid=<root> too.
        if (Text(answer, "activityId") is { } activityId) return activityId;
        var id = Text(answer, "id");
        var marker = id?.IndexOf(";messageid=", StringComparison.Ordinal) ?? -1;
        return marker >= 0 ? id![(marker + ";messageid=".Length)..] : throw new TeamsConnectorException("Teams created the post but answered no activity id.");
    }

    /// <summary>A reply in the reply chain whose root is <paramref name="root"/>: Reply To Activity in that chain's conversation.</summary>
    public async Task<string> ReplyAsync(ConnectorAddress address, string root, JsonObject activity, CancellationToken cancellationToken)
    {
        activity["replyToId"] = root;
        var url = Activities(address, root, root);
        return Id(await SendAsync("reply", HttpMethod.Post, url, activity, cancellationToken));
    }

    /// <summary>A message in a chat without reply chains (a group or personal chat): Send To Conversation.</summary>
    public async Task<string> SendAsync(ConnectorAddress address, JsonObject activity, CancellationToken cancellationToken)
    {
        var url = new Uri(address.ServiceUrl, $"v3/conversations/{Uri.EscapeDataString(address.ConversationId)}/activities");
        return Id(await SendAsync("send", HttpMethod.Post, url, activity, cancellationToken));
    }

    /// <summary>Replaces <paramref name="activityId"/>, which lives in the reply chain of <paramref name="root"/> (itself, for a root post).</summary>
    public async Task UpdateAsync(ConnectorAddress address, string? root, string activityId, JsonObject activity, CancellationToken cancellationToken)
    {
        activity["id"] = activityId;
        await SendAsync("update", HttpMethod.Put, Activities(address, root, activityId), activity, cancellationToken);
    }

    /// <summary>
    /// One member of the conversation (Get Conversation Member,
    /// https://learn.microsoft.com/microsoftteams/platform/bots/how-to/get-teams-context), by Teams user id (<c>29:…</c>)
    /// or AAD object id; null when Teams knows no such member there.
    /// </summary>
    public async Task<TeamsMember?> MemberAsync(ConnectorAddress address, string memberId, CancellationToken cancellationToken)
    {
        var url = new Uri(address.ServiceUrl,
            $"v3/conversations/{Uri.EscapeDataString(address.ConversationId)}/members/{Uri.EscapeDataString(memberId)}");
        try
        {
            return TeamsMember.Read(await SendAsync("member", HttpMethod.Get, url, null, cancellationToken));
        }
        catch (TeamsConnectorException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    // Path parameters are escaped whole, as Bot Builder's Conversations client does (';' → %3B, ':' → %3A, '@' → %40).
    private static Uri Activities(ConnectorAddress address, string? root, string activityId)
    {
        var conversation = address.IsChannel && root is not null ? $"{address.ConversationId};messageid={root}" : address.ConversationId;
        return new Uri(address.ServiceUrl, $"v3/conversations/{Uri.EscapeDataString(conversation)}/activities/{Uri.EscapeDataString(activityId)}");
    }

    /// <param name="operation">The connector operation, as the chat call metrics name it: a bounded name, where the URL holds ids.</param>
    private async Task<JsonNode?> SendAsync(
        string operation, HttpMethod method, Uri url, JsonObject? body, CancellationToken cancellationToken)
    {
        var json = body?.ToJsonString(AdaptiveCard.JsonOptions);
        var what = $"{method} {url.AbsolutePath}";
        for (var attempt = 0; ; attempt++)
        {
            var token = await tokens.TokenAsync(refresh: attempt > 0, cancellationToken);
            using var request = new HttpRequestMessage(method, url);
            if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            request.Options.Set(ChatCallMetering.Method, operation);
            HttpResponseMessage sent;
            try
            {
                sent = await http.SendAsync(request, cancellationToken);
            }
            catch (Exception e) when (e is HttpRequestException or Polly.Timeout.TimeoutRejectedException)
            {
                throw new TeamsConnectorException($"Teams connector {what} is unreachable: {e.Message}", e);
            }
            using var response = sent;
            // A 401 usually means an expired or revoked token: one more try with a fresh one, then a clear error.
            if (response.StatusCode == HttpStatusCode.Unauthorized && attempt == 0) continue;
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.IsSuccessStatusCode) return Parse(text);
            throw Failure(what, response, Parse(text));
        }
    }

    private static TeamsConnectorException Failure(string what, HttpResponseMessage response, JsonNode? answer)
    {
        var status = (int)response.StatusCode;
        var detail = ErrorDetail(answer);
        var operation = response.Headers.TryGetValues("X-Correlating-OperationId", out var ids) ? $" (operation {ids.FirstOrDefault()})" : "";
        var message = response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => $"Teams connector {what} refused the bot's token (401){detail}{operation}: check MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppTenantId, and that the bot is in this team.",
            HttpStatusCode.Forbidden => $"Teams connector {what} is not allowed (403){detail}{operation}: is the app installed in this team or chat?",
            HttpStatusCode.RequestEntityTooLarge => $"Teams connector {what} refused the message as too large (413){detail}{operation}.",
            _ => $"Teams connector {what} failed: HTTP {status}{detail}{operation}",
        };
        return new TeamsConnectorException(message, status);
    }

    private static string Id(JsonNode? answer) => Text(answer, "id") ?? throw new TeamsConnectorException("Teams accepted the message but answered no activity id.");
}
