using System.Globalization;
using ChatOps.Core.Checks;
using ChatOps.Core.Expressions;

namespace ChatOps.Targets.Checks;

/// <summary>
/// Pods' log lines as an observation, like <c>grep -iE match | tail -N</c> over their merged logs: <c>count</c> (and
/// <c>value</c>) the matching lines, the last <c>tail</c> of them shown in time order.
/// </summary>
internal static class PodLogAnswer
{
    // What a reply keeps of the matching lines, newest first: enough to replay the count a threshold reads in all but
    // floods, and small enough, with its JSON around it, for a timeline entry.
    private const int MaxKeptCharacters = ReplyJson.MaxCharacters * 3 / 4;

    /// <param name="pods">Each started pod's lines as the API returned them; <paramref name="failed"/> says why others could not be read.</param>
    public static CheckObservation Read(KubernetesLogsCheck spec, IReadOnlyList<(string Pod, IReadOnlyList<string> Lines)> pods, IReadOnlyList<string> failed)
    {
        var matches = LogPattern.Create(spec.Match);
        var lines = pods.SelectMany(p => p.Lines.Select(raw => (Raw: raw, Line: PodLogLine.Parse(p.Pod, raw))))
            .Where(l => matches(l.Line.Text))
            .OrderBy(l => l.Line.Time ?? DateTimeOffset.MinValue)
            .ToList();
        var shown = lines.TakeLast(spec.Tail).Select(l => l.Line).ToList();
        var started = pods.Count + failed.Count;
        var podsText = started == 1 ? "1 pod" : string.Create(CultureInfo.InvariantCulture, $"{started} pods");
        var summary = lines.Count == 0
            ? $"no matching lines in {podsText}"
            : string.Create(
                CultureInfo.InvariantCulture,
                $"{lines.Count} matching lines in {podsText}{(shown.Count < lines.Count ? $", last {shown.Count} shown" : "")}");
        if (failed.Count > 0) summary += $"; unreadable: {string.Join("; ", failed)}";
        return new CheckObservation(
            new Dictionary<string, ExpressionValue>(StringComparer.Ordinal)
            {
                ["count"] = ExpressionValue.Of(lines.Count), ["value"] = ExpressionValue.Of(lines.Count),
            },
            summary,
            Detail: shown.Count == 0 ? null : string.Join('\n', shown))
        {
            Reply = Kept(pods.Select(p => p.Pod), lines.Select(l => (l.Line.Pod, l.Raw)).ToList()),
        };
    }

    /// <summary>The matching lines, newest kept first while they fit, by pod; every pod read stays, with or without lines.</summary>
    private static PodLogsReply Kept(IEnumerable<string> pods, List<(string Pod, string Raw)> matching)
    {
        var budget = MaxKeptCharacters;
        var first = matching.Count;
        while (first > 0 && (budget -= matching[first - 1].Raw.Length) >= 0) first--;
        var kept = matching.Skip(first).ToList();
        return new PodLogsReply(pods.Distinct(StringComparer.Ordinal).ToDictionary(
            p => p, p => (IReadOnlyList<string>)[.. kept.Where(l => l.Pod == p).Select(l => l.Raw)], StringComparer.Ordinal));
    }
}
