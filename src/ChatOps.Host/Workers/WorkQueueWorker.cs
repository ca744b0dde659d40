using ChatOps.Core.Work;
using Microsoft.Extensions.Options;

namespace ChatOps.Host.Workers;

/// <summary>
/// Runs the queued work: up to <see cref="WorkOptions.Concurrency"/> items at once, items with the same ordering key
/// one after another in queue order. With the in-process queue a failed item is logged and dropped; the durable
/// PostgreSQL queue (a later issue) will retry it on this or another replica.
/// </summary>
internal sealed partial class WorkQueueWorker(
    IWorkQueue queue,
    IEnumerable<IWorkHandler> handlers,
    IOptions<WorkOptions> options,
    ILogger<WorkQueueWorker> logger) : BackgroundService
{
    private readonly Dictionary<string, IWorkHandler> _handlers = handlers.ToDictionary(h => h.Kind, StringComparer.Ordinal);
    private readonly Dictionary<string, Task> _tails = new(StringComparer.Ordinal);
    private readonly HashSet<Task> _running = [];
    private readonly Lock _gate = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var slots = new SemaphoreSlim(options.Value.Concurrency);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var item = await queue.DequeueAsync(stoppingToken);
                await slots.WaitAsync(stoppingToken);
                Start(item, slots, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: let what already runs finish (or see the cancellation) before the slots go away.
        }
        Task[] running;
        lock (_gate) running = [.. _running];
        await Task.WhenAll(running);
    }

    private void Start(WorkItem item, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        lock (_gate)
        {
            var previous = item.OrderingKey is { } key && _tails.TryGetValue(key, out var tail) ? tail : Task.CompletedTask;
            var run = RunAfterAsync(previous, item, slots, stoppingToken);
            if (item.OrderingKey is { } ordering) _tails[ordering] = run;
            _running.Add(run);
            _ = run.ContinueWith(done =>
            {
                lock (_gate)
                {
                    _running.Remove(done);
                    if (item.OrderingKey is { } k && _tails.TryGetValue(k, out var last) && last == done) _tails.Remove(k);
                }
            }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private async Task RunAfterAsync(Task previous, WorkItem item, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        try
        {
            await previous;
            if (!_handlers.TryGetValue(item.Kind, out var handler))
            {
                LogNoHandler(item.Kind, item.Id);
                return;
            }
            await handler.RunAsync(item, stoppingToken);
            await queue.CompleteAsync(item, CancellationToken.None);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            LogAbandoned(item.Kind, item.Id);
        }
        catch (Exception e)
        {
            // Any handler failure ends here so that one bad item cannot stop the worker; the handler has told the user.
            LogFailed(e, item.Kind, item.Id);
        }
        finally
        {
            slots.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "No handler for work of kind {Kind} ({Id}); dropped")]
    private partial void LogNoHandler(string kind, Guid id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Work {Kind} ({Id}) was stopped by shutdown")]
    private partial void LogAbandoned(string kind, Guid id);

    [LoggerMessage(Level = LogLevel.Error, Message = "Work {Kind} ({Id}) failed")]
    private partial void LogFailed(Exception exception, string kind, Guid id);
}
