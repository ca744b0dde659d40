using ChatOps.Core.Expressions;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Runs;

namespace ChatOps.Core.Checks;

/// <summary>
/// One read-only query: <see cref="Spec"/> says what to ask, <see cref="Target"/> names where
/// (resolved through configuration), and the expressions grade the answer.
/// </summary>
public sealed record CheckDefinition(
    string Id,
    string Title,
    string Target,
    CheckSpec Spec,
    TimeSpan? Timeout,
    Expression? Warn,
    Expression? Critical,
    string? Note)
{
    public string Kind => Spec.Kind;

    /// <summary>Columns of the result's rows that the timeline keeps (a block offers them as subjects later).</summary>
    public IReadOnlyList<string> KeptColumns { get; init; } = [];

    /// <summary>The names a threshold or decision expression may read from a check's result.</summary>
    public static IReadOnlySet<string> ResultNames { get; } =
        new HashSet<string>(StringComparer.Ordinal) { "value", "status", "latency_ms", "count", "grade" };
}
