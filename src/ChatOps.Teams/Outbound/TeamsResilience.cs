using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace ChatOps.Teams.Outbound;

/// <summary>
/// Retries for Bot Connector calls as Teams asks (https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/rate-limit):
/// 429, 412, 502 and 504 back off exponentially with random jitter, from 2 s up to 20 s, waiting out a
/// <c>Retry-After</c> when Teams sends one; unreachable and timed-out attempts are retried too. A 413 is never retried:
/// the same message would be refused again. A post retried after a timeout can in rare cases land twice; losing an
/// incident update is the worse outcome.
/// </summary>
internal static class TeamsResilience
{
    public static readonly TimeSpan Total = TimeSpan.FromMinutes(3);

    public static readonly TimeSpan PerAttempt = TimeSpan.FromSeconds(15);

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder)
    {
        builder.AddTimeout(Total);
        builder.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = 4,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromSeconds(2),
            MaxDelay = TimeSpan.FromSeconds(20),
            ShouldRetryAfterHeader = true,
            ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome)),
        });
        builder.AddTimeout(PerAttempt);
    }

    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Result: { } response } => response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed
            or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout,
        { Exception: HttpRequestException or Polly.Timeout.TimeoutRejectedException } => true,
        _ => false,
    };
}
