using System.Globalization;
using ChatOps.Core.Checks;

namespace ChatOps.Core.Runs;

/// <summary>
/// How many results have each grade, worst first: "2 critical, 2 warning, 5 errors, 3 ok". Counted apart because a
/// single "worst grade" would let one failed check hide a critical finding.
/// </summary>
internal static class GradeCounts
{
    private static readonly (CheckGrade Grade, string One, string Many)[] Order =
    [
        (CheckGrade.Critical, "critical", "critical"),
        (CheckGrade.Warn, "warning", "warning"),
        (CheckGrade.Error, "error", "errors"),
        (CheckGrade.Ok, "ok", "ok"),
    ];

    public static string Describe(IEnumerable<CheckResult> results)
    {
        var counts = results.GroupBy(r => r.Grade).ToDictionary(g => g.Key, g => g.Count());
        return string.Join(", ", Order.Where(o => counts.ContainsKey(o.Grade)).Select(o => counts[o.Grade] is var n && n == 1
            ? $"1 {o.One}"
            : string.Create(CultureInfo.InvariantCulture, $"{n} {o.Many}")));
    }
}
