using System.Globalization;
using ChatOps.Core.Chat;
using ChatOps.Core.Checks;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;
using ChatOps.Core.Runs;

namespace ChatOps.Core.Runbooks;

/// <summary>What a responder reads first when a runbook starts: symptoms, the timebox, the checks about to run, notes.</summary>
public static class RunbookOverview
{
    public static ChatMessage Render(Runbook runbook)
    {
        var blocks = new List<MessageBlock> { new HeaderBlock($"Runbook: {runbook.Title}") };
        if (runbook.Summary is { } summary) blocks.Add(new TextBlock(summary));
        if (runbook.Symptoms.Count > 0) blocks.Add(new TextBlock("Symptoms:\n" + string.Join("\n", runbook.Symptoms.Select(s => "• " + s))));
        blocks.AddRange(runbook.Notes.Select(n => new TextBlock(n, TextStyle.Quote)));
        var timebox = runbook.Timebox is { } t ? $" (timebox {DurationText.Format(t)})" : "";
        blocks.Add(new ContextBlock($"Running {runbook.Checks.Count} checks{timebox}: {string.Join(", ", runbook.Checks.Select(c => c.Id))}"));
        // Numbers a deployment may have set differ from the file's: say which ones this run uses.
        if (runbook.Values.Count > 0)
            blocks.Add(new ContextBlock("Values: " + string.Join(", ", runbook.Values.Select(v => $"{v.Key} = {v.Value.ToString(CultureInfo.InvariantCulture)}"))));
        return new ChatMessage($"Runbook {runbook.Title} started", blocks);
    }
}
