using ChatOps.Core.Expressions;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Runs;

namespace ChatOps.Core.Checks;

/// <summary>A graded check: the observation (or the reason there is none, or nothing to grade) and how long it took.</summary>
public sealed record CheckResult(CheckDefinition Check, CheckGrade Grade, CheckObservation? Observation, string? Error, TimeSpan Elapsed)
{
    /// <summary>
    /// The target answered, but with nothing the thresholds could read (no series, no rows, no such key): graded
    /// <see cref="CheckGrade.Error"/>, with <see cref="Error"/> saying what was empty, and the observation kept.
    /// </summary>
    public bool IsNoData { get; init; }

    /// <summary>The values a decision or threshold reads, including <c>grade</c>.</summary>
    public IReadOnlyDictionary<string, ExpressionValue> Values
    {
        get
        {
            var values = new Dictionary<string, ExpressionValue>(Observation?.Values ?? new Dictionary<string, ExpressionValue>(), StringComparer.Ordinal)
            {
                ["grade"] = ExpressionValue.Of(Grade.ToString().ToLowerInvariant()),
            };
            return values;
        }
    }
}
