using ChatOps.Core.Access;
using ChatOps.Core.Incidents;
using ChatOps.Core.Runbooks;

namespace ChatOps.Core.Decisions;

/// <summary>
/// Decision-tree answers as timeline entries, with who answered (a person, or the bot from a check's evidence) and,
/// where the answer reached a leaf, the recommended next step: the postmortem says both, long after chat scrolled away.
/// </summary>
public static class DecisionRecord
{
    private const string By = "by";
    private const string Check = "check";
    private const string Next = "next";
    private const string Recommend = "recommend";
    private const string ByPerson = "person";
    private const string ByEvidence = "evidence";

    /// <summary>One entry for each question of <paramref name="walk"/> the bot answered from evidence.</summary>
    public static IEnumerable<TimelineEvent> FromEvidence(TimelineEvents events, Incident incident, Runbook runbook, DecisionWalk walk)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(walk);
        for (var i = 0; i < walk.Steps.Count; i++)
        {
            var step = walk.Steps[i];
            // Only the last answer can lead to the walk's leaf.
            var leaf = i == walk.Steps.Count - 1 ? walk.Leaf : null;
            yield return events.New(incident, Actor.System, TimelineKind.DecisionTaken,
                $"{step.Node.Ask} {YesNo(step.Answer)} (from {step.Evidence})",
                [.. Common(runbook, step.Node, step.Answer), (By, ByEvidence), (Check, step.Node.Answer?.Check), .. NextStep(runbook, leaf)]);
        }
    }

    /// <summary>A person's answer to <paramref name="node"/>.</summary>
    public static TimelineEvent FromPerson(TimelineEvents events, Incident incident, Actor actor, Runbook runbook, DecisionNode node, bool yes)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(node);
        return events.New(incident, actor, TimelineKind.DecisionTaken, $"{node.Ask} {YesNo(yes)}",
            [.. Common(runbook, node, yes), (By, ByPerson), .. NextStep(runbook, DecisionWalker.Branch(node, yes) as DecisionLeaf)]);
    }

    /// <summary>
    /// Who answered a recorded decision: the person's name as <paramref name="name"/> writes it, or the bot and the check
    /// whose evidence it read; null for any other entry.
    /// </summary>
    public static string? AnsweredBy(TimelineEvent entry, Func<PersonId, string> name)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(name);
        if (entry.Kind != TimelineKind.DecisionTaken) return null;
        return entry.Details.GetValueOrDefault(By) switch
        {
            ByPerson => name(entry.Actor),
            // Entries written before the check was recorded still say it was the bot.
            ByEvidence => entry.Details.TryGetValue(Check, out var check) ? $"the bot, from check {check}'s evidence" : "the bot, from a check's evidence",
            _ => null,
        };
    }

    /// <summary>The recommended next step a recorded decision led to, if it reached a leaf.</summary>
    public static string? NextStepOf(TimelineEvent entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Kind == TimelineKind.DecisionTaken ? entry.Details.GetValueOrDefault(Next) : null;
    }

    /// <summary>The question a recorded decision answered, and the answer; null for any other entry.</summary>
    public static (string Runbook, string Node, bool Yes)? StepOf(TimelineEvent entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Kind == TimelineKind.DecisionTaken && entry.Details.TryGetValue("runbook", out var runbook) && entry.Details.TryGetValue("node", out var node)
            ? (runbook, node, entry.Details.GetValueOrDefault("answer") == "yes")
            : null;
    }

    /// <summary>The mitigation ids a recorded decision's leaf recommends; empty when it reached none or recommends none.</summary>
    public static IReadOnlyList<string> RecommendedBy(TimelineEvent entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Kind == TimelineKind.DecisionTaken && entry.Details.GetValueOrDefault(Recommend) is { } ids ? ids.Split(',') : [];
    }

    /// <summary>The entries of the latest run of <paramref name="runbook"/>, from its start; empty when it never ran.</summary>
    public static IReadOnlyList<TimelineEvent> LatestRun(IReadOnlyList<TimelineEvent> timeline, string runbook)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        for (var i = timeline.Count - 1; i >= 0; i--)
        {
            if (timeline[i].Kind == TimelineKind.RunbookStarted && timeline[i].Details.GetValueOrDefault("runbook") == runbook) return [.. timeline.Skip(i)];
        }
        return [];
    }

    /// <summary>The questions of <paramref name="runbook"/> people answered in <paramref name="run"/> (node → yes), the last answer counting.</summary>
    public static Dictionary<string, bool> PersonAnswers(IEnumerable<TimelineEvent> run, string runbook) =>
        run.Where(e => e.Kind == TimelineKind.DecisionTaken && e.Details.GetValueOrDefault("runbook") == runbook && e.Details.GetValueOrDefault(By) == ByPerson)
            .GroupBy(e => e.Details["node"], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last().Details["answer"] == "yes", StringComparer.Ordinal);

    private static (string, string?)[] Common(Runbook runbook, DecisionNode node, bool yes) =>
        [("runbook", runbook.Id), ("node", node.Id), ("answer", yes ? "yes" : "no")];

    /// <summary>The leaf's mitigations by title, then its advice, on one line; its mitigation ids apart.</summary>
    private static (string, string?)[] NextStep(Runbook runbook, DecisionLeaf? leaf)
    {
        if (leaf is null) return [];
        var titles = leaf.Recommend.Select(runbook.FindMitigation).OfType<MitigationDefinition>()
            .Select(m => m.Emergency ? $"{m.Title} (emergency only)" : m.Title).ToList();
        var advice = leaf.Advice?.ReplaceLineEndings(" ").Trim();
        var text = string.Join(". ", new[] { string.Join("; ", titles), advice }.Where(t => !string.IsNullOrEmpty(t)));
        return [(Next, text.Length == 0 ? null : text), (Recommend, leaf.Recommend.Count == 0 ? null : string.Join(",", leaf.Recommend))];
    }

    private static string YesNo(bool yes) => yes ? "Yes" : "No";
}
