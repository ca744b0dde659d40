using ChatOps.Core.Mitigations;

namespace ChatOps.Host.Workers;

/// <summary>Expires unanswered mitigation requests every half minute and updates their messages.</summary>
internal sealed partial class MitigationExpiryWorker(
    MitigationExpiry expiry,
    TimeProvider time,
    ILogger<MitigationExpiryWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var expired = await expiry.SweepAsync(stoppingToken);
                if (expired > 0) LogExpired(expired);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed sweep (storage or chat briefly down) is retried on the next tick; requests expire on click regardless.
                LogSweepFailed(e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} mitigation requests expired")]
    private partial void LogExpired(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Expiring mitigation requests failed; retrying on the next tick")]
    private partial void LogSweepFailed(Exception exception);
}
