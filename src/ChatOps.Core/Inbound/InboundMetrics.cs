using System.Diagnostics;
using System.Diagnostics.Metrics;
using ChatOps.Core.Telemetry;

namespace ChatOps.Core.Inbound;

/// <summary>
/// What the pipeline answered each delivery, by endpoint (<see cref="InboundEndpoint"/>) and outcome, and how long the
/// answer took: the part of the platform's acknowledgement window the bot spends deciding and storing.
/// </summary>
public sealed class InboundMetrics
{
    private readonly Counter<long> _requests;
    private readonly Histogram<double> _acknowledgement;
    private readonly TimeProvider _time;

    public InboundMetrics(IMeterFactory meters, TimeProvider time)
    {
        _time = time;
        var meter = ChatOpsTelemetry.Meter(meters);
        _requests = meter.CreateCounter<long>("chatops.inbound.requests", "{request}",
            "Deliveries that reached the inbound pipeline, by endpoint and outcome");
        _acknowledgement = meter.CreateHistogram("chatops.inbound.acknowledgement.duration", "s",
            "Time from a delivery reaching the pipeline to its answer (stored, answered, or refused)",
            advice: ChatOpsTelemetry.ShortSeconds);
    }

    public long Start() => _time.GetTimestamp();

    public void Record(long started, InboundAnswer answer)
    {
        var tags = new TagList { { "endpoint", InboundEndpoint.Current }, { "outcome", OutcomeOf(answer) } };
        _requests.Add(1, tags);
        _acknowledgement.Record(_time.GetElapsedTime(started).TotalSeconds, tags);
    }

    /// <summary>accepted (stored for the background), answered (a quick read), refused (bad input), duplicate, unavailable.</summary>
    public static string OutcomeOf(InboundAnswer answer) => answer.Outcome switch
    {
        InboundOutcome.Queued => "accepted",
        InboundOutcome.Answered => answer.Error is null ? "answered" : "refused",
        InboundOutcome.Repeat => "duplicate",
        InboundOutcome.Unavailable => "unavailable",
        _ => throw new ArgumentOutOfRangeException(nameof(answer), answer.Outcome, null),
    };
}
