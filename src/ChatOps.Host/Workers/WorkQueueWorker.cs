using System.Diagnostics;
using ChatOps.Core.Telemetry;
using ChatOps.Core.Work;
using Microsoft.Extensions.Options;

namespace ChatOps.Host.Workers;

/// <summary>
/// Runs the durable queue's items on this replica: up to <see cref="WorkOptions.Concurrency"/> at once, each under a
/// lease renewed while it runs. A failed attempt is retried with a growing, jittered backoff; after
/// <see cref="WorkOptions.MaxAttempts"/> the item is parked as dead and its handler tells chat. On shutdown nothing new
/// is taken, running items get <see cref="WorkOptions.ShutdownGrace"/> to finish, and the rest are handed back for the
/// next replica, never dropped.
/// </summary>
internal sealed partial class WorkQueueWorker(
    IWorkQueue queue,
    IEnumerable<IWorkHandler> handlers,
    WorkSignal signal,
    IOptions<WorkOptions> options,
    IOptions<Core.Inbound.InboundOptions> inbound,
    Health.StorageStatus storage,
    TimeProvider time,
    ILogger<WorkQueueWorker> logger) : BackgroundService
{
    private static readonly TimeSpan PruneEvery = TimeSpan.FromMinutes(5);

    private readonly Dictionary<string, IWorkHandler> _handlers = handlers.ToDictionary(h => h.Kind, StringComparer.Ordinal);
    private readonly string _owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    private readonly HashSet<Task> _running = [];
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _abort = new();
    private int _handedBack;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        using var slots = new SemaphoreSlim(settings.Concurrency);
        var nextPrune = time.GetUtcNow();
        try
        {
            // A store still waited for at start (a server not up yet) has no schema to take from.
            await storage.WhenMigrated.WaitAsync(stoppingToken);
            LogStarted(_owner, settings.Concurrency);
            while (!stoppingToken.IsCancellationRequested)
            {
                await slots.WaitAsync(stoppingToken);
                var lease = await TakeAsync(settings, stoppingToken);
                if (lease is null)
                {
                    slots.Release();
                    if (time.GetUtcNow() >= nextPrune) nextPrune = await PruneAsync(stoppingToken);
                    await signal.WaitAsync(settings.Poll, stoppingToken);
                    continue;
                }
                Start(lease, slots, settings);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: nothing new is taken from here on.
        }
        await DrainAsync(settings);
    }

    private async Task<WorkLease?> TakeAsync(WorkOptions settings, CancellationToken stoppingToken)
    {
        try
        {
            // Each lease its own holder: an item this process takes again after its lease ran out (a stalled store) is a new
            // lease, and the stale attempt's renewals and outcome no longer count.
            return await queue.TakeAsync($"{_owner}:{Guid.NewGuid():N}", settings.Lease, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The store is down: accepted items wait in it; ask again after the poll interval.
            LogTakeFailed(e);
            return null;
        }
    }

    private async Task<DateTimeOffset> PruneAsync(CancellationToken stoppingToken)
    {
        try
        {
            var pruned = await queue.PruneAsync(inbound.Value.DeliveryWindow, stoppingToken);
            if (pruned > 0) LogPruned(pruned);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogPruneFailed(e);
        }
        return time.GetUtcNow() + PruneEvery;
    }

    private void Start(WorkLease lease, SemaphoreSlim slots, WorkOptions settings)
    {
        lock (_gate)
        {
            var run = RunAsync(lease, slots, settings);
            _running.Add(run);
            _ = run.ContinueWith(done =>
            {
                lock (_gate) _running.Remove(done);
            }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private async Task RunAsync(WorkLease lease, SemaphoreSlim slots, WorkOptions settings)
    {
        await Task.Yield();
        var item = lease.Item;
        using var work = WorkScope.Enter(item);
        var scope = WorkScope.Current!;
        using var lines = logger.BeginScope(new WorkLogScope(item, scope));
        using var span = StartSpan(lease);
        using var lost = CancellationTokenSource.CreateLinkedTokenSource(_abort.Token);
        var renewal = RenewAsync(lease, settings, lost);
        try
        {
            if (!_handlers.TryGetValue(item.Kind, out var handler))
            {
                await BuryAsync(lease, null, $"no handler for work of kind {item.Kind}");
                return;
            }
            // Attempts are counted when taken: one past the limit means the earlier ones never finished (each took its
            // runner down), and running it again would take the next one down too.
            if (lease.Attempt > settings.MaxAttempts)
            {
                await BuryAsync(lease, handler, $"its runner stopped during each of {settings.MaxAttempts} attempts");
                return;
            }
            try
            {
                await handler.RunAsync(item, lost.Token);
                await queue.CompleteAsync(lease, CancellationToken.None);
            }
            catch (OperationCanceledException) when (_abort.IsCancellationRequested)
            {
                await queue.ReleaseAsync(lease, CancellationToken.None);
                Interlocked.Increment(ref _handedBack);
                LogHandedBack(item.Kind, item.Id);
            }
            catch (OperationCanceledException) when (lost.IsCancellationRequested)
            {
                LogLeaseLost(item.Kind, item.Id);
            }
            catch (Exception e)
            {
                span?.SetStatus(ActivityStatusCode.Error);
                await FailAsync(lease, handler, e, settings);
            }
        }
        catch (Exception e)
        {
            // Recording the outcome failed (the store went away): the lease runs out and the item runs again.
            LogNotRecorded(e, item.Kind, item.Id);
        }
        finally
        {
            span?.SetTag("chatops.incident", scope.Incident);
            await lost.CancelAsync();
            await renewal;
            slots.Release();
            signal.Notify();
        }
    }

    /// <summary>
    /// The run's span, a child of the request that enqueued the item (its stored <see cref="WorkItem.TraceParent"/>): one
    /// trace shows the request, each attempt of its work on whichever replica ran it, and their outbound calls.
    /// </summary>
    private static Activity? StartSpan(WorkLease lease)
    {
        ActivityContext.TryParse(lease.Item.TraceParent, null, isRemote: true, out var parent);
        var span = ChatOpsTelemetry.Source.StartActivity($"work {lease.Item.Kind}", ActivityKind.Consumer, parent);
        span?.SetTag("chatops.work.id", lease.Item.Id.ToString("N"));
        span?.SetTag("chatops.work.attempt", lease.Attempt);
        return span;
    }

    private async Task FailAsync(WorkLease lease, IWorkHandler handler, Exception failure, WorkOptions settings)
    {
        var reason = failure.Message.ReplaceLineEndings(" ");
        if (lease.Attempt >= settings.MaxAttempts)
        {
            await BuryAsync(lease, handler, reason);
            return;
        }
        var delay = Backoff(lease.Attempt, settings);
        LogRetrying(failure, lease.Item.Kind, lease.Item.Id, lease.Attempt, settings.MaxAttempts, delay);
        await queue.RetryAsync(lease, reason, delay, CancellationToken.None);
    }

    private async Task BuryAsync(WorkLease lease, IWorkHandler? handler, string reason)
    {
        LogDead(lease.Item.Kind, lease.Item.Id, lease.Attempt, reason);
        await queue.BuryAsync(lease, reason, CancellationToken.None);
        if (handler is not null) await handler.GiveUpAsync(lease.Item, reason, CancellationToken.None);
    }

    /// <summary>Doubling from <see cref="WorkOptions.Backoff"/>, capped, with up to a quarter of jitter so retries do not march together.</summary>
    private static TimeSpan Backoff(int attempt, WorkOptions settings)
    {
        var doubled = settings.Backoff * Math.Pow(2, Math.Min(attempt - 1, 20));
        var capped = doubled < settings.MaxBackoff ? doubled : settings.MaxBackoff;
        return capped * (1 + (Random.Shared.NextDouble() / 4));
    }

    private async Task RenewAsync(WorkLease lease, WorkOptions settings, CancellationTokenSource lost)
    {
        var heldUntil = time.GetUtcNow() + settings.Lease;
        try
        {
            while (true)
            {
                await Task.Delay(settings.Lease / 3, time, lost.Token);
                bool held;
                try
                {
                    var asked = time.GetUtcNow();
                    held = await queue.RenewAsync(lease, settings.Lease, lost.Token);
                    if (held) heldUntil = asked + settings.Lease;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogRenewFailed(e, lease.Item.Id);
                    // Until the lease runs out, the next renewal may still reach the store; after that, another runner may hold it.
                    held = time.GetUtcNow() < heldUntil;
                }
                if (!held)
                {
                    // Another runner has it: stop, so that its attempt is the only one.
                    await lost.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The item finished, or was stopped.
        }
    }

    private async Task DrainAsync(WorkOptions settings)
    {
        Task[] running;
        lock (_gate) running = [.. _running];
        if (running.Length > 0)
        {
            LogDraining(running.Length, settings.ShutdownGrace);
            try
            {
                await Task.WhenAll(running).WaitAsync(settings.ShutdownGrace, time);
            }
            catch (TimeoutException)
            {
                await _abort.CancelAsync();
                await Task.WhenAll(running);
            }
        }
        var waiting = await WaitingAsync();
        LogStopped(running.Length - _handedBack, _handedBack, waiting);
    }

    private async Task<long> WaitingAsync()
    {
        try
        {
            return (await queue.DepthAsync(CancellationToken.None)).Waiting;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogTakeFailed(e);
            return -1;
        }
    }

    public override void Dispose()
    {
        _abort.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Work runner {Owner} started, {Concurrency} at a time")]
    private partial void LogStarted(string owner, int concurrency);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not take work from the store; trying again")]
    private partial void LogTakeFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Forgot {Count} finished work items past the delivery window")]
    private partial void LogPruned(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not prune finished work items")]
    private partial void LogPruneFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Work {Kind} ({Id}) attempt {Attempt} of {MaxAttempts} failed; retrying in {Delay}")]
    private partial void LogRetrying(Exception exception, string kind, Guid id, int attempt, int maxAttempts, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Work {Kind} ({Id}) is dead after {Attempts} attempts: {Reason}")]
    private partial void LogDead(string kind, Guid id, int attempts, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Work {Kind} ({Id}) was handed back unfinished at shutdown")]
    private partial void LogHandedBack(string kind, Guid id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Work {Kind} ({Id}) lost its lease to another runner and was stopped here")]
    private partial void LogLeaseLost(string kind, Guid id);

    [LoggerMessage(Level = LogLevel.Error, Message = "Work {Kind} ({Id}) ran but its outcome could not be recorded; it runs again after its lease")]
    private partial void LogNotRecorded(Exception exception, string kind, Guid id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew the lease of work {Id}")]
    private partial void LogRenewFailed(Exception exception, Guid id);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: {Count} work items running, {Grace} to finish")]
    private partial void LogDraining(int count, TimeSpan grace);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Work runner stopped: {Finished} running items finished, {HandedBack} handed back; {Waiting} items wait in the queue for the next runner")]
    private partial void LogStopped(int finished, int handedBack, long waiting);
}
