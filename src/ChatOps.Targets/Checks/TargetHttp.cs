using System.Net.Http.Headers;
using System.Text;
using ChatOps.Core.Checks;

namespace ChatOps.Targets.Checks;

/// <summary>The HTTP plumbing the prometheus and http executors share: one attempt, bounded body, one-line failures.</summary>
internal static class TargetHttp
{
    public const string ClientName = "ChatOps.Targets";

    // A check posts a number and a few lines; a megabyte is far beyond any useful answer and bounds memory.
    private const int MaxBodyBytes = 1024 * 1024;

    public static Uri Combine(string baseUrl, string pathAndQuery) => new(baseUrl.TrimEnd('/') + pathAndQuery, UriKind.Absolute);

    public static HttpRequestMessage Request(HttpMethod method, Uri uri, TargetOptions target)
    {
        var request = new HttpRequestMessage(method, uri);
        foreach (var (name, value) in target.Headers)
            request.Headers.TryAddWithoutValidation(name, value);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }

    /// <summary>Sends once: a check shows what the target does now, and the runner's timeout bounds the wait.</summary>
    public static async Task<HttpResponseMessage> SendAsync(
        IHttpClientFactory clients, HttpRequestMessage request, string targetName, CancellationToken cancellationToken)
    {
        var client = clients.CreateClient(ClientName);
        try
        {
            return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new CheckFailedException(
                $"cannot reach target '{targetName}' at {request.RequestUri!.GetLeftPart(UriPartial.Authority)}: {e.Message}", e);
        }
    }

    public static async Task<string> ReadBodyAsync(HttpResponseMessage response, string targetName, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var kept = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while (kept.Length < MaxBodyBytes && (read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
                kept.Write(chunk, 0, (int)Math.Min(read, MaxBodyBytes - kept.Length));
            return Encoding.UTF8.GetString(kept.GetBuffer(), 0, (int)kept.Length);
        }
        catch (HttpRequestException e)
        {
            throw new CheckFailedException($"target '{targetName}' broke off its answer: {e.Message}", e);
        }
        catch (IOException e)
        {
            throw new CheckFailedException($"target '{targetName}' broke off its answer: {e.Message}", e);
        }
    }

    /// <summary>The start of a body, on one line, to say what a target answered instead of JSON.</summary>
    public static string Snippet(string body)
    {
        var line = string.Join(' ', body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= 80 ? line : line[..80] + "…";
    }
}
