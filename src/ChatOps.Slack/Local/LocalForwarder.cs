using System.Text;
using ChatOps.Slack.Inbound;
using Microsoft.Extensions.Options;

namespace ChatOps.Slack.Local;

/// <summary>
/// Sends what a person does in the local workspace to the bot's own <c>/slack/*</c> endpoints as Slack would:
/// signed with the signing secret, over HTTP. The page never holds the secret; it asks the server to sign.
/// </summary>
internal sealed class LocalForwarder(IHttpClientFactory clients, IOptionsMonitor<SlackOptions> options, TimeProvider time)
{
    public const string ClientName = "ChatOps.Slack.LocalForwarder";

    public async Task<(int Status, string Body, string? ContentType)> SendAsync(Uri bot, string path, string body, string contentType, CancellationToken cancellationToken)
    {
        var secret = options.CurrentValue.SigningSecret ?? string.Empty;
        var (timestamp, signature) = LocalRequests.Sign(secret, body, time.GetUtcNow());
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(bot, path))
        {
            Content = new StringContent(body, Encoding.UTF8, contentType),
        };
        request.Headers.Add(SlackSignature.TimestampHeader, timestamp);
        request.Headers.Add(SlackSignature.SignatureHeader, signature);
        using var response = await clients.CreateClient(ClientName).SendAsync(request, cancellationToken);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken), response.Content.Headers.ContentType?.MediaType);
    }
}
