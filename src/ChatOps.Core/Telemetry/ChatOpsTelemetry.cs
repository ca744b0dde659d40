using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ChatOps.Core.Telemetry;

/// <summary>
/// The bot's own meter and activity source, both named <see cref="Name"/>. Instruments are made where a fact is known,
/// on the meter the host's <see cref="IMeterFactory"/> hands out; the host decides where they are exported. Only BCL
/// types here: the core knows no OpenTelemetry package.
/// </summary>
public static class ChatOpsTelemetry
{
    public const string Name = "ChatOps";

    /// <summary>Spans of the bot's own work (an acceptance, a work item, a check); free when no tracer listens.</summary>
    public static ActivitySource Source { get; } = new(Name);

    /// <summary>Seconds, from milliseconds to a minute: acknowledgements and checks (a check may take up to its timeout).</summary>
    public static InstrumentAdvice<double> ShortSeconds { get; } = new()
    {
        HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
    };

    public static Meter Meter(IMeterFactory factory) => factory.Create(Name);
}
