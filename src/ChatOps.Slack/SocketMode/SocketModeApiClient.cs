using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ChatOps.Slack.Outbound;
using ChatOps.Slack.Wire;
using Microsoft.Extensions.Options;

namespace ChatOps.Slack.SocketMode;

/// <summary>
/// <c>apps.connections.open</c>: a WebSocket URL for one Socket Mode connection, asked for with the app-level token.
/// Every URL is single-use, so the worker asks before each connect. There is no retry pipeline under this client:
/// the worker backs off itself, and a second layer of retries would multiply the waits on a rate-limited method.
/// </summary>
internal sealed class SocketModeApiClient(HttpClient http, IOptionsMonitor<SlackOptions> options)
{
    public const string Method = "apps.connections.open";

    /// <summary>The time one call may take, connection included.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public async Task<Uri> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Method) { Content = new FormUrlEncodedContent([]) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.CurrentValue.AppToken);
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.TooManyRequests) throw new SlackApiException(Method, "ratelimited");
        if (!response.IsSuccessStatusCode) throw new SlackApiException(Method, $"http_{(int)response.StatusCode}");
        var answer = await response.Content.ReadFromJsonAsync(SlackJsonContext.Default.ConnectionsOpenResponse, cancellationToken)
            ?? throw new SlackApiException(Method, "empty_response");
        if (!answer.Ok) throw new SlackApiException(Method, answer.Error ?? "unknown_error", answer.Needed);
        return Uri.TryCreate(answer.Url, UriKind.Absolute, out var url) && url.Scheme is "wss" or "ws"
            ? url
            : throw new SlackApiException(Method, "invalid_url");
    }
}
