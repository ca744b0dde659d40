using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace ChatOps.Slack.Outbound;

/// <summary>
/// Retries for Web API calls: a 429 waits exactly its <c>Retry-After</c> (https://docs.slack.dev/apis/web-api/rate-limits);
/// 5xx answers and timeouts back off exponentially with jitter. A retried post after a timeout can in rare cases
/// post twice; losing an incident update is the worse outcome.
/// </summary>
internal static class SlackResilience
{
    /// <summary>All attempts of one call together; long enough for a Retry-After of a minute or two.</summary>
    public static readonly TimeSpan Total = TimeSpan.FromMinutes(3);

    public static readonly TimeSpan PerAttempt = TimeSpan.FromSeconds(15);

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder)
    {
        builder.AddTimeout(Total);
        builder.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = 5,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(500),
            MaxDelay = TimeSpan.FromMinutes(2),
            ShouldRetryAfterHeader = true,
        });
        builder.AddTimeout(PerAttempt);
    }
}
