using ChatOps.Core.Telemetry;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.Slack.Outbound;

/// <summary>
/// Slack's part of readiness: <c>auth.test</c> with the bot token (https://docs.slack.dev/reference/methods/auth.test).
/// A failure is Degraded, never Unhealthy: accepted work waits in the durable queue and is posted once Slack answers
/// again, so a replica must not be taken out of service, and stop accepting, because Slack is down. An answer is
/// reused for <see cref="Reuse"/>, so that probes every few seconds on every replica do not spend Slack's rate limit,
/// and a probe waits at most <see cref="Patience"/> for a new one, well inside a probe's own timeout.
/// </summary>
internal sealed class SlackHealthCheck : IHealthCheck
{
    public static readonly TimeSpan Reuse = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan Patience = TimeSpan.FromMilliseconds(500);

    /// <summary>An auth.test still unanswered after this (retries included) counts as no answer.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    private readonly IOptionsMonitor<SlackOptions> _options;
    private readonly CachedReading<Answer> _answer;

    public SlackHealthCheck(SlackApiClient client, IOptionsMonitor<SlackOptions> options, TimeProvider time, ILogger<SlackHealthCheck> logger)
    {
        _options = options;
        _answer = new CachedReading<Answer>("Slack's answer to auth.test", ct => AskAsync(client, ct), Reuse, Limit, time, logger);
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(_options.CurrentValue.BotToken))
            return HealthCheckResult.Degraded("no bot token (Slack:BotToken, SLACK_BOT_TOKEN) is set: the bot cannot post to Slack");
        return (await _answer.LatestAsync(Patience, cancellationToken))?.Result
            ?? HealthCheckResult.Degraded("Slack has not answered auth.test yet; accepted work waits and is posted once it answers");
    }

    private static async Task<Answer?> AskAsync(SlackApiClient client, CancellationToken cancellationToken)
    {
        try
        {
            var answer = await client.AuthTestAsync(cancellationToken);
            return new Answer(HealthCheckResult.Healthy($"auth.test answered for workspace {answer.Team}"));
        }
        catch (SlackApiException e)
        {
            return new Answer(HealthCheckResult.Degraded(
                $"Slack unreachable or refusing the bot: {e.Message}; accepted work waits and is posted once it answers"));
        }
    }

    private sealed record Answer(HealthCheckResult Result);
}
