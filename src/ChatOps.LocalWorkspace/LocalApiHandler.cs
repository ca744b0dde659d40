using System.Net;
using System.Net.Http.Headers;

namespace ChatOps.LocalWorkspace;

/// <summary>
/// Carries the bot's Web API requests to the local workspace in memory: the same HTTP requests and answers
/// (status, headers, JSON) as over a socket, so everything above the socket is the production code path.
/// </summary>
internal sealed class LocalApiHandler(LocalWebApi api) : HttpMessageHandler
{
    public const string ApiPath = "/local/api/";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri?.AbsolutePath ?? "";
        var start = path.IndexOf(ApiPath, StringComparison.Ordinal);
        if (start < 0) return new HttpResponseMessage(HttpStatusCode.NotFound) { RequestMessage = request };
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var answer = api.Handle(
            path[(start + ApiPath.Length)..],
            request.Content?.Headers.ContentType?.ToString(),
            body,
            request.Headers.Authorization?.ToString(),
            request.RequestUri!);
        var response = new HttpResponseMessage((HttpStatusCode)answer.Status)
        {
            RequestMessage = request,
            Content = new StringContent(answer.Body),
        };
        response.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(answer.ContentType);
        if (answer.RetryAfterSeconds is { } seconds)
            response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));
        return response;
    }
}
