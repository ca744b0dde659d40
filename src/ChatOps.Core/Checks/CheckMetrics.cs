using System.Diagnostics;
using System.Diagnostics.Metrics;
using ChatOps.Core.Telemetry;

namespace ChatOps.Core.Checks;

/// <summary>How long each check took and how it graded, by its kind; the histogram's count is the checks run.</summary>
public sealed class CheckMetrics(IMeterFactory meters)
{
    private readonly Histogram<double> _duration = ChatOpsTelemetry.Meter(meters).CreateHistogram("chatops.check.duration", "s",
        "Duration of each check run, by check kind and grade (ok, warn, critical, error)", advice: ChatOpsTelemetry.ShortSeconds);

    public void Record(CheckResult result) =>
        _duration.Record(result.Elapsed.TotalSeconds, new TagList { { "kind", result.Check.Kind }, { "grade", GradeOf(result) } });

    public static string GradeOf(CheckResult result) => result.Grade.ToString().ToLowerInvariant();
}
