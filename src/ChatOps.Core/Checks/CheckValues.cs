using System.Collections.Immutable;
using System.Globalization;
using ChatOps.Core.Expressions;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Checks;

/// <summary>
/// A check result's values as they are kept on the timeline (event data), and read back, so that a
/// decision answered later by a person continues from the evidence recorded when the checks ran.
/// </summary>
public static class CheckValues
{
    // Texts carry a marker so that "200" read back stays the text it was, and compares as it did live.
    private const string TextMarker = "text:";

    public static IEnumerable<(string Key, string? Value)> ToData(IReadOnlyDictionary<string, ExpressionValue> values) =>
        values.Select(p => (p.Key, (string?)(p.Value.Number is { } n ? n.ToString("R", CultureInfo.InvariantCulture) : TextMarker + p.Value.Text)));

    /// <summary>The latest recorded values of each check of <paramref name="runbook"/>, by check id.</summary>
    public static Dictionary<string, IReadOnlyDictionary<string, ExpressionValue>> Latest(IEnumerable<TimelineEvent> timeline, string runbook)
    {
        var latest = new Dictionary<string, IReadOnlyDictionary<string, ExpressionValue>>(StringComparer.Ordinal);
        foreach (var e in timeline.Where(e => e.Kind == TimelineKind.CheckRan && e.Details.GetValueOrDefault("runbook") == runbook))
        {
            if (e.Details.GetValueOrDefault("check") is { } check) latest[check] = FromData(e.Details);
        }
        return latest;
    }

    private static Dictionary<string, ExpressionValue> FromData(ImmutableSortedDictionary<string, string> data) =>
        data.Where(p => p.Key is not ("runbook" or "check" or CheckRan.ReplyKey or CheckRan.ErrorKey)
                && !p.Key.StartsWith(CheckColumns.Prefix, StringComparison.Ordinal))
            .ToDictionary(p => p.Key, p => p.Value.StartsWith(TextMarker, StringComparison.Ordinal)
                ? ExpressionValue.Of(p.Value[TextMarker.Length..])
                : ExpressionValue.Of(double.Parse(p.Value, NumberStyles.Float, CultureInfo.InvariantCulture)), StringComparer.Ordinal);
}
