using System.Globalization;

namespace ChatOps.Core.Chat;

/// <summary>
/// Counts every attempt of a chat platform's API calls in <see cref="ChatCallMetrics"/>. It sits below the retries, so
/// that a 429 or 5xx the retries absorb is counted too. The client names the method on the request
/// (<see cref="Method"/>: <c>chat.postMessage</c>, <c>reply</c>), a bounded set, never a path that holds ids.
/// </summary>
public sealed class ChatCallMetering(ChatCallMetrics metrics, string platform, string defaultMethod) : DelegatingHandler
{
    public static readonly HttpRequestOptionsKey<string> Method = new("chatops.chat.method");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var method = request.Options.TryGetValue(Method, out var named) ? named : defaultMethod;
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            metrics.Record(platform, method, ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
            return response;
        }
        catch (HttpRequestException)
        {
            metrics.Record(platform, method, "unreachable");
            throw;
        }
        catch (OperationCanceledException)
        {
            // An attempt's own timeout, or the caller gave up.
            metrics.Record(platform, method, "cancelled");
            throw;
        }
    }
}
