using ChatOps.Core.Chat;
using ChatOps.Core.Expressions;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;

namespace ChatOps.Core.Checks;

/// <summary>
/// What an executor saw: the named values thresholds read (<c>value</c>, <c>status</c>, <c>latency_ms</c>,
/// <c>count</c>), a one-line summary, and optionally a table or raw lines for the thread. <paramref name="NoData"/>
/// says plainly what was empty when the answer held nothing to read ("the query returned no series"); a threshold
/// that then cannot read its value grades "no data: …" rather than a complaint about a missing name.
/// </summary>
public sealed record CheckObservation(
    IReadOnlyDictionary<string, ExpressionValue> Values,
    string Summary,
    TableBlock? Table = null,
    string? Detail = null,
    string? NoData = null)
{
    /// <summary>
    /// What the target answered, in its own shape, as the executor read it: kept (redacted) with the check's result, so
    /// that an incident can be written out as a scenario and replayed. Null when no shape fits (a Prometheus string).
    /// </summary>
    public TargetReply? Reply { get; init; }

    /// <summary>An observation of nothing: the summary is <c>no data: {what}</c>.</summary>
    public static CheckObservation Empty(IReadOnlyDictionary<string, ExpressionValue> values, string what) =>
        new(values, "no data: " + what, NoData: what);
}
