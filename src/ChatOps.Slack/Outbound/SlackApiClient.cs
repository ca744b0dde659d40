using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization.Metadata;
using ChatOps.Core.Chat;
using ChatOps.Slack.Wire;
using Microsoft.Extensions.Options;

namespace ChatOps.Slack.Outbound;

/// <summary>
/// The Web API methods the bot uses, one typed call each. Retries (429 after <c>Retry-After</c>, 5xx and timeouts
/// with backoff) happen in the HTTP pipeline below (<see cref="SlackResilience"/>); what still fails arrives here as
/// a <see cref="SlackApiException"/>.
/// </summary>
internal sealed class SlackApiClient(HttpClient http, IOptionsMonitor<SlackOptions> options)
{
    private static SlackJsonContext Json => SlackJsonContext.Default;

    /// <summary>Checks the bot token and that Slack answers: what readiness asks.</summary>
    public Task<AuthTestResponse> AuthTestAsync(CancellationToken cancellationToken) =>
        SendFormAsync("auth.test", [], Json.AuthTestResponse, cancellationToken);

    public Task<PostMessageResponse> PostMessageAsync(PostMessageRequest request, CancellationToken cancellationToken) =>
        SendJsonAsync("chat.postMessage", request, Json.PostMessageRequest, Json.PostMessageResponse, cancellationToken);

    public Task<SlackResponse> UpdateMessageAsync(UpdateMessageRequest request, CancellationToken cancellationToken) =>
        SendJsonAsync("chat.update", request, Json.UpdateMessageRequest, Json.SlackResponse, cancellationToken);

    public Task<PostEphemeralResponse> PostEphemeralAsync(PostEphemeralRequest request, CancellationToken cancellationToken) =>
        SendJsonAsync("chat.postEphemeral", request, Json.PostEphemeralRequest, Json.PostEphemeralResponse, cancellationToken);

    public Task<OpenViewResponse> OpenViewAsync(OpenViewRequest request, CancellationToken cancellationToken) =>
        SendJsonAsync("views.open", request, Json.OpenViewRequest, Json.OpenViewResponse, cancellationToken);

    public Task<SlackResponse> CompleteUploadAsync(CompleteUploadRequest request, CancellationToken cancellationToken) =>
        SendJsonAsync("files.completeUploadExternal", request, Json.CompleteUploadRequest, Json.SlackResponse, cancellationToken);

    public Task<UserInfoResponse> UserInfoAsync(string user, CancellationToken cancellationToken) =>
        SendFormAsync("users.info", [new("user", user)], Json.UserInfoResponse, cancellationToken);

    public Task<UserGroupUsersResponse> UserGroupMembersAsync(string group, CancellationToken cancellationToken) =>
        SendFormAsync("usergroups.users.list", [new("usergroup", group)], Json.UserGroupUsersResponse, cancellationToken);

    public Task<UploadUrlResponse> GetUploadUrlAsync(string fileName, long length, CancellationToken cancellationToken) =>
        SendFormAsync("files.getUploadURLExternal",
            [new("filename", fileName), new("length", length.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            Json.UploadUrlResponse, cancellationToken);

    /// <summary>Step 2 of an upload: the bytes go to the URL Slack handed out, which takes no token.</summary>
    public async Task UploadAsync(Uri uploadUrl, byte[] content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, uploadUrl) { Content = new ByteArrayContent(content) };
        request.Options.Set(ChatCallMetering.Method, "files.upload");
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
            throw new SlackApiException("files.upload", $"http_{(int)response.StatusCode}");
    }

    private Task<TResponse> SendJsonAsync<TRequest, TResponse>(string method, TRequest body, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
        where TResponse : SlackResponse =>
        SendAsync(method, JsonContent.Create(body, requestType, new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" }), responseType, cancellationToken);

    private Task<TResponse> SendFormAsync<TResponse>(string method, IEnumerable<KeyValuePair<string, string>> fields, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
        where TResponse : SlackResponse =>
        SendAsync(method, new FormUrlEncodedContent(fields), responseType, cancellationToken);

    private async Task<TResponse> SendAsync<TResponse>(string method, HttpContent content, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
        where TResponse : SlackResponse
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, method) { Content = content };
        request.Options.Set(ChatCallMetering.Method, method);
        // Without a token the call goes out unauthenticated and Slack's not_authed says why.
        if (options.CurrentValue.BotToken is { } token) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        HttpResponseMessage sent;
        try
        {
            sent = await http.SendAsync(request, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or Polly.Timeout.TimeoutRejectedException)
        {
            // Unreachable or slow past every retry: the core sees a platform failure like any other.
            throw new SlackApiException(method, $"unreachable ({e.Message})");
        }
        using var response = sent;
        // A 429 or 5xx that reaches this point has outlasted every retry.
        if (response.StatusCode == HttpStatusCode.TooManyRequests) throw new SlackApiException(method, "ratelimited");
        if (!response.IsSuccessStatusCode) throw new SlackApiException(method, $"http_{(int)response.StatusCode}");
        var answer = await response.Content.ReadFromJsonAsync(responseType, cancellationToken)
            ?? throw new SlackApiException(method, "empty_response");
        return answer.Ok ? answer : throw new SlackApiException(method, answer.Error ?? "unknown_error", answer.Needed);
    }
}
