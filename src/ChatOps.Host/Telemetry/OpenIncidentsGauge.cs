using System.Diagnostics.Metrics;
using ChatOps.Core.Incidents;
using ChatOps.Core.Telemetry;
using ChatOps.Host.Health;

namespace ChatOps.Host.Telemetry;

/// <summary>
/// Open incidents by severity, every severity reported (0 when none), drills left out; read from the store at most once per
/// <see cref="WorkQueueGauges.Fresh"/> however often it is scraped.
/// </summary>
internal sealed class OpenIncidentsGauge
{
    private readonly CachedReading<IReadOnlyList<Incident>> _open;

    public OpenIncidentsGauge(
        IMeterFactory meters, IIncidentStore store, StorageStatus storage, TimeProvider time, ILogger<OpenIncidentsGauge> logger)
    {
        var fresh = WorkQueueGauges.Fresh;
        _open = new CachedReading<IReadOnlyList<Incident>>("open incidents for the metrics",
            async ct => storage.IsMigrated ? await store.ListOpenAsync(null, ct) : null, fresh, fresh * 2, time, logger);
        ChatOpsTelemetry.Meter(meters).CreateObservableGauge("chatops.incidents.open", Open, "{incident}",
            "Incidents not yet resolved, by severity");
    }

    private IEnumerable<Measurement<long>> Open()
    {
        if (_open.Latest() is not { } open) yield break;
        foreach (var severity in Enum.GetValues<Severity>())
        {
            var tag = new KeyValuePair<string, object?>("severity", IncidentMetrics.SeverityOf(severity));
            yield return new(open.Count(i => i.Severity == severity && !i.IsDrill), tag);
        }
    }
}
