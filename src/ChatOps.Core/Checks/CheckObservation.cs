using ChatOps.Core.Expressions;
using ChatOps.Core.Messages;

namespace ChatOps.Core.Checks;

/// <summary>
/// What an executor saw: the named values thresholds read (<c>value</c>, <c>status</c>, <c>latency_ms</c>,
/// <c>count</c>), a one-line summary, and optionally a table or raw lines for the thread.
/// </summary>
public sealed record CheckObservation(
    IReadOnlyDictionary<string, ExpressionValue> Values,
    string Summary,
    TableBlock? Table = null,
    string? Detail = null);
