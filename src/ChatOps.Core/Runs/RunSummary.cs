using System.Globalization;
using ChatOps.Core.Chat;
using ChatOps.Core.Checks;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Runs;

namespace ChatOps.Core.Runs;

/// <summary>The one message of a runbook run that is updated in place as results arrive.</summary>
internal static class RunSummary
{
    public static ChatMessage Render(Runbook runbook, IReadOnlyDictionary<string, CheckResult> results)
    {
        var rows = runbook.Checks.Select(c => (IReadOnlyList<string>)(results.TryGetValue(c.Id, out var r)
            ? [c.Id, r.Grade.ToString().ToUpperInvariant(), r.Error ?? Value(r)]
            : [c.Id, "running", ""])).ToList();
        var done = results.Count == runbook.Checks.Count;
        var title = string.Create(CultureInfo.InvariantCulture, $"{runbook.Title}: {results.Count}/{runbook.Checks.Count} checks {(done ? "done" : "done so far")}");
        var worst = results.Values.Select(r => r.Grade).DefaultIfEmpty(CheckGrade.Ok).Max();
        return new ChatMessage(title, [
            new HeaderBlock(title),
            new TableBlock(["Check", "Grade", "Value"], rows),
            new ContextBlock(done ? $"Worst grade: {worst.ToString().ToUpperInvariant()}" : "Results follow in this thread as each check answers."),
        ]);
    }

    private static string Value(CheckResult result) =>
        result.Observation!.Values.TryGetValue("value", out var value) ? value.ToString() : result.Observation.Summary;
}
