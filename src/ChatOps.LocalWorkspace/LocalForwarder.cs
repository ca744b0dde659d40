using System.Text;

namespace ChatOps.LocalWorkspace;

/// <summary>
/// Sends what a person does in the workspace to the bot's <c>/slack/*</c> endpoints as Slack would: signed with the
/// app's signing secret, over HTTP, to the address configuration gives. The page never holds the secret.
/// </summary>
internal sealed class LocalForwarder(IHttpClientFactory clients, BotAddress bot, SigningSecret secret, TimeProvider time)
{
    public const string ClientName = "ChatOps.LocalWorkspace.Forwarder";

    public async Task<(int Status, string Body, string? ContentType)> SendAsync(
        string path, string body, string contentType, CancellationToken cancellationToken)
    {
        if (bot.Resolve() is not { } address)
            return (502, "The bot's address is unknown: set LocalWorkspace:BotUrl.", "text/plain");
        var (timestamp, signature) = SlackSigner.Sign(secret.Value, body, time.GetUtcNow());
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(address, path))
        {
            Content = new StringContent(body, Encoding.UTF8, contentType),
        };
        request.Headers.Add(SlackSigner.TimestampHeader, timestamp);
        request.Headers.Add(SlackSigner.SignatureHeader, signature);
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, cancellationToken);
            return (
                (int)response.StatusCode,
                await response.Content.ReadAsStringAsync(cancellationToken),
                response.Content.Headers.ContentType?.MediaType);
        }
        catch (HttpRequestException e)
        {
            // Shown to the person like Slack's own notice about an app that did not answer.
            return (502, $"The bot at {address} did not answer: {e.Message}", "text/plain");
        }
    }
}
