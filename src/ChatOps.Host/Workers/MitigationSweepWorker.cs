using ChatOps.Core.Mitigations;

namespace ChatOps.Host.Workers;

/// <summary>
/// Once the host has started, and then every half minute: expires unanswered mitigation requests and reconciles
/// executions whose process died before it recorded what it did, updating their messages.
/// </summary>
internal sealed partial class MitigationSweepWorker(
    MitigationExpiry expiry,
    MitigationReconciler reconciler,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<MitigationSweepWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The first sweep waits for every hosted service to start: one of them brings the schema up to date.
        if (!await StartedAsync(stoppingToken)) return;
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            await SweepAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task<bool> StartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        try
        {
            await started.Task;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task SweepAsync(CancellationToken stoppingToken)
    {
        try
        {
            var expired = await expiry.SweepAsync(stoppingToken);
            if (expired > 0) LogExpired(expired);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A failed sweep (storage or chat briefly down) is retried on the next tick; requests expire on click regardless.
            LogSweepFailed(e, "Expiring");
        }
        try
        {
            var reconciled = await reconciler.SweepAsync(stoppingToken);
            if (reconciled > 0) LogReconciled(reconciled);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogSweepFailed(e, "Reconciling interrupted");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} mitigation requests expired")]
    private partial void LogExpired(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} interrupted mitigation executions reconciled")]
    private partial void LogReconciled(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Sweep} mitigation requests failed; retrying on the next tick")]
    private partial void LogSweepFailed(Exception exception, string sweep);
}
