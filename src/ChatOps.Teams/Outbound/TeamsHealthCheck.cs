using ChatOps.Core.Telemetry;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace ChatOps.Teams.Outbound;

/// <summary>
/// Teams' part of readiness: the bot can get its Bot Connector token from Entra ID (MSAL serves it from its cache until
/// it nears expiry). A failure is Degraded, never Unhealthy: accepted work waits in the durable queue and is posted once
/// Teams answers again, so a replica must not be taken out of service, and stop accepting, because Teams or Entra ID is
/// down. A probe waits at most <see cref="Patience"/> for an answer, well inside a probe's own timeout.
/// </summary>
internal sealed class TeamsHealthCheck : IHealthCheck
{
    public static readonly TimeSpan Reuse = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan Patience = TimeSpan.FromMilliseconds(500);
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    private readonly CachedReading<Answer> _answer;

    public TeamsHealthCheck(BotTokenProvider tokens, TimeProvider time, ILogger<TeamsHealthCheck> logger) =>
        _answer = new CachedReading<Answer>("Bot Connector token", ct => AskAsync(tokens, ct), Reuse, Limit, time, logger);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        (await _answer.LatestAsync(Patience, cancellationToken))?.Result
            ?? HealthCheckResult.Degraded("Entra ID has not answered the bot's token request yet; accepted work waits and is posted once it does");

    private static async Task<Answer?> AskAsync(BotTokenProvider tokens, CancellationToken cancellationToken)
    {
        try
        {
            await tokens.TokenAsync(refresh: false, cancellationToken);
            return new Answer(HealthCheckResult.Healthy("the bot holds a Bot Connector token"));
        }
        catch (TeamsConnectorException e)
        {
            return new Answer(HealthCheckResult.Degraded($"{e.Message} Accepted work waits and is posted once Teams answers."));
        }
    }

    private sealed record Answer(HealthCheckResult Result);
}
