using System.Globalization;
using ChatOps.Core.Checks;
using ChatOps.Core.Messages;

namespace ChatOps.Core.Runbooks;

/// <summary>What a responder reads first when a runbook starts: its title, summary, symptoms, notes and timebox.</summary>
public static class RunbookOverview
{
    public static IEnumerable<MessageBlock> Blocks(Runbook runbook)
    {
        ArgumentNullException.ThrowIfNull(runbook);
        yield return new HeaderBlock($"Runbook: {runbook.Title}");
        if (runbook.Summary is { } summary) yield return new TextBlock(summary);
        if (runbook.Symptoms.Count > 0) yield return new TextBlock("Symptoms:\n" + string.Join("\n", runbook.Symptoms.Select(s => "• " + s)));
        foreach (var note in runbook.Notes) yield return new TextBlock(note, TextStyle.Quote);
        if (runbook.Timebox is { } timebox) yield return new ContextBlock($"Timebox {DurationText.Format(timebox)}");
        // Numbers a deployment may have set differ from the file's: say which ones this run uses.
        if (runbook.Values.Count > 0)
            yield return new ContextBlock("Values: " + string.Join(", ", runbook.Values.Select(v => $"{v.Key} = {v.Value.ToString(CultureInfo.InvariantCulture)}")));
    }
}
