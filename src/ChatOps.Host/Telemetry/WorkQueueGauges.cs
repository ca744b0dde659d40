using System.Diagnostics.Metrics;
using ChatOps.Core.Telemetry;
using ChatOps.Core.Work;
using ChatOps.Host.Health;

namespace ChatOps.Host.Telemetry;

/// <summary>
/// The durable queue as every replica shares it: items by state, and how long the oldest waiting item has waited (a
/// queue that grows old while replicas are idle is stuck, one that grows deep is short of runners). Read from the store
/// at most once per <see cref="Fresh"/> however often it is scraped, and not before the store is migrated; the age is
/// counted to the scrape from the stored enqueue time.
/// </summary>
internal sealed class WorkQueueGauges
{
    public static readonly TimeSpan Fresh = TimeSpan.FromSeconds(5);

    private readonly CachedReading<WorkQueueDepth> _depth;
    private readonly TimeProvider _time;

    public WorkQueueGauges(
        IMeterFactory meters, IWorkQueue queue, StorageStatus storage, TimeProvider time, ILogger<WorkQueueGauges> logger)
    {
        _time = time;
        _depth = new CachedReading<WorkQueueDepth>("work queue depth for the metrics",
            async ct => storage.IsMigrated ? await queue.DepthAsync(ct) : null, Fresh, Fresh * 2, time, logger);
        var meter = ChatOpsTelemetry.Meter(meters);
        meter.CreateObservableGauge("chatops.work.queue.depth", Depth, "{item}",
            "Work items in the durable queue by state: waiting (ready or waiting for a retry), running, dead");
        meter.CreateObservableGauge("chatops.work.queue.oldest_age", OldestAge, "s",
            "How long the oldest waiting work item has waited; 0 when none waits");
    }

    private IEnumerable<Measurement<long>> Depth()
    {
        if (_depth.Latest() is not { } depth) yield break;
        yield return new(depth.Waiting, new KeyValuePair<string, object?>("state", "waiting"));
        yield return new(depth.Running, new KeyValuePair<string, object?>("state", "running"));
        yield return new(depth.Dead, new KeyValuePair<string, object?>("state", "dead"));
    }

    private IEnumerable<Measurement<double>> OldestAge()
    {
        if (_depth.Latest() is not { } depth) yield break;
        yield return new(depth.OldestWaitingSince is { } since ? Math.Max((_time.GetUtcNow() - since).TotalSeconds, 0) : 0);
    }
}
