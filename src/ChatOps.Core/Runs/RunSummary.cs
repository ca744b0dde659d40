using System.Globalization;
using ChatOps.Core.Checks;
using ChatOps.Core.Messages;
using ChatOps.Core.Runbooks;

namespace ChatOps.Core.Runs;

/// <summary>
/// The one message of a runbook run, updated in place as results arrive: what the runbook is about, every check with
/// its grade and value so far, and the grades counted apart.
/// </summary>
internal static class RunSummary
{
    public static ChatMessage Render(Runbook runbook, IReadOnlyDictionary<string, CheckResult> results)
    {
        var rows = runbook.Checks.Select(c => (IReadOnlyList<string>)(results.TryGetValue(c.Id, out var r)
            ? [c.Id, r.Grade.ToString().ToUpperInvariant(), r.Error ?? Value(r)]
            : [c.Id, "running", ""])).ToList();
        var running = runbook.Checks.Count - results.Count;
        var progress = string.Create(CultureInfo.InvariantCulture, $"{results.Count}/{runbook.Checks.Count} checks done");
        if (results.Count > 0) progress += ": " + GradeCounts.Describe(results.Values);
        var status = running == 0
            ? progress + ". Results that need attention are posted in this thread with their queries."
            : string.Create(CultureInfo.InvariantCulture, $"{progress}; {running} running.");
        return new ChatMessage($"Runbook {runbook.Title}: {progress}", [
            .. RunbookOverview.Blocks(runbook),
            new TableBlock(["Check", "Grade", "Value"], rows),
            new ContextBlock(status),
        ]);
    }

    private static string Value(CheckResult result) =>
        result.Observation!.Values.TryGetValue("value", out var value) ? value.ToString() : result.Observation.Summary;
}
