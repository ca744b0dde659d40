using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace ChatOps.Teams.Outbound;

/// <summary>
/// Retries for the Microsoft services the bot calls: exponential backoff with random jitter, from 2 s up to 20 s,
/// waiting out a <c>Retry-After</c> when the service sends one; unreachable and timed-out attempts are retried too.
/// The Bot Connector retries 429, 412, 502 and 504, as Teams asks
/// (https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/rate-limit); a 413 is never retried, the same
/// message would be refused again. A post retried after a timeout can in rare cases land twice; losing an incident
/// update is the worse outcome. Microsoft Graph retries 429, 503 and 504, as its throttling guidance asks
/// (https://learn.microsoft.com/graph/throttling).
/// </summary>
internal static class TeamsResilience
{
    public static readonly TimeSpan Total = TimeSpan.FromMinutes(3);

    public static readonly TimeSpan PerAttempt = TimeSpan.FromSeconds(15);

    private static readonly HttpStatusCode[] Connector =
        [HttpStatusCode.TooManyRequests, HttpStatusCode.PreconditionFailed, HttpStatusCode.BadGateway, HttpStatusCode.GatewayTimeout];

    private static readonly HttpStatusCode[] Graph = [HttpStatusCode.TooManyRequests, HttpStatusCode.ServiceUnavailable, HttpStatusCode.GatewayTimeout];

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder) => Configure(builder, Connector);

    public static void ConfigureGraph(ResiliencePipelineBuilder<HttpResponseMessage> builder) => Configure(builder, Graph);

    private static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, HttpStatusCode[] retried)
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
            ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
            {
                { Result: { } response } => retried.Contains(response.StatusCode),
                { Exception: HttpRequestException or Polly.Timeout.TimeoutRejectedException } => true,
                _ => false,
            }),
        });
        builder.AddTimeout(PerAttempt);
    }
}
