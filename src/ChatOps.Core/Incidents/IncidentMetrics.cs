using System.Diagnostics;
using System.Diagnostics.Metrics;
using ChatOps.Core.Telemetry;

namespace ChatOps.Core.Incidents;

/// <summary>
/// Time to acknowledge and time to resolve, from the declaration, by severity at that moment. An incident is acknowledged
/// by the first stored change that gives it a commander or moves its status past investigating, whichever comes first:
/// either says a person has taken it on. Recorded from the stored change, so once however many replicas raced. A drill
/// is practice, not production: it is not measured.
/// </summary>
public sealed class IncidentMetrics
{
    private static readonly InstrumentAdvice<double> Minutes = new()
    {
        HistogramBucketBoundaries = [30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400],
    };

    private static readonly InstrumentAdvice<double> Hours = new()
    {
        HistogramBucketBoundaries = [300, 900, 1800, 3600, 7200, 14400, 28800, 86400, 172800, 604800],
    };

    private readonly Histogram<double> _toAcknowledge;
    private readonly Histogram<double> _toResolve;
    private readonly TimeProvider _time;

    public IncidentMetrics(IMeterFactory meters, TimeProvider time)
    {
        _time = time;
        var meter = ChatOpsTelemetry.Meter(meters);
        _toAcknowledge = meter.CreateHistogram("chatops.incident.time_to_acknowledge", "s",
            "Time from declaration to the first commander or status change (MTTA), by severity", advice: Minutes);
        _toResolve = meter.CreateHistogram("chatops.incident.time_to_resolve", "s",
            "Time from declaration to resolution (MTTR), by severity", advice: Hours);
    }

    /// <summary>Records what the stored change from <paramref name="before"/> to <paramref name="after"/> completed.</summary>
    public void Changed(Incident before, Incident after)
    {
        if (after.IsDrill) return;
        var severity = new TagList { { "severity", SeverityOf(after.Severity) } };
        if (!IsAcknowledged(before) && IsAcknowledged(after))
            _toAcknowledge.Record(Seconds(_time.GetUtcNow() - after.DeclaredAt), severity);
        if (before.IsOpen && !after.IsOpen)
            _toResolve.Record(Seconds((after.ResolvedAt ?? _time.GetUtcNow()) - after.DeclaredAt), severity);
    }

    public static string SeverityOf(Severity severity) => severity.ToString().ToLowerInvariant();

    private static bool IsAcknowledged(Incident incident) =>
        incident.Commander is not null || incident.Status != IncidentStatus.Investigating;

    private static double Seconds(TimeSpan span) => Math.Max(span.TotalSeconds, 0);
}
