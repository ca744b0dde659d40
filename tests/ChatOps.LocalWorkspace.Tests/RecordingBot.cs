using System.Collections.Concurrent;
using System.Net;

namespace ChatOps.LocalWorkspace.Tests;

/// <summary>Stands where the bot's <c>/slack/*</c> endpoints would be: records what the workspace sends and answers 200.</summary>
internal sealed class RecordingBot : HttpMessageHandler
{
    private readonly ConcurrentQueue<Received> _received = new();

    public IReadOnlyList<Received> Received => [.. _received];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        _received.Enqueue(new Received(request.RequestUri!, body,
            request.Headers.TryGetValues(SlackSigner.TimestampHeader, out var t) ? t.Single() : null,
            request.Headers.TryGetValues(SlackSigner.SignatureHeader, out var s) ? s.Single() : null));
        return new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = new StringContent("") };
    }
}

internal sealed record Received(Uri Url, string Body, string? Timestamp, string? Signature);
