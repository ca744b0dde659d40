using ChatOps.Core.Chat;
using ChatOps.Core.Checks;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Runs;

namespace ChatOps.Core.Decisions;

/// <summary>The thread messages of a decision walk: answers with their evidence, the question for people, the recommendation.</summary>
public static class DecisionView
{
    /// <summary>
    /// One message for a walk: each question answered from evidence, then the recommendation or the question for people.
    /// One post, not one per answer, because a channel takes about one post a second.
    /// </summary>
    public static ChatMessage Walked(Incident incident, Runbook runbook, DecisionWalk walk, IReadOnlyList<TimelineEvent> timeline)
    {
        ArgumentNullException.ThrowIfNull(walk);
        var answers = walk.Steps.SelectMany(step => new MessageBlock[]
        {
            new TextBlock($"{step.Node.Ask} → {(step.Answer ? "Yes" : "No")}"),
            new ContextBlock($"Answered from evidence: {step.Evidence}"),
        });
        var end = walk.Leaf is { } leaf ? Recommend(incident, runbook, leaf, timeline) : Ask(incident, runbook, walk.Open!, walk.WhyAsked);
        return new ChatMessage(end.Summary, [.. answers, .. end.Blocks]);
    }

    public static ChatMessage Ask(Incident incident, Runbook runbook, DecisionNode node, string? why)
    {
        var command = $"answer {incident.Id} {runbook.Id} {node.Id}";
        var blocks = new List<MessageBlock> { new TextBlock(node.Ask) };
        if (why is not null) blocks.Add(new ContextBlock($"Asking you because {why}."));
        blocks.Add(new ActionsBlock([
            new Button("Yes", ButtonActions.Command, $"{command} yes", ButtonStyle.Primary),
            new Button("No", ButtonActions.Command, $"{command} no"),
        ]));
        return new ChatMessage(node.Ask, blocks);
    }

    /// <param name="timeline">The incident's timeline: a block's form offers what the latest checks found there.</param>
    public static ChatMessage Recommend(Incident incident, Runbook runbook, DecisionLeaf leaf, IReadOnlyList<TimelineEvent> timeline)
    {
        var blocks = new List<MessageBlock> { new HeaderBlock("Recommended next steps") };
        foreach (var mitigation in leaf.Recommend.Select(runbook.FindMitigation).OfType<MitigationDefinition>())
        {
            blocks.Add(new FieldsBlock([
                new Field("Mitigation", mitigation.Title + (mitigation.Emergency ? " (emergency only: two approvers)" : "")),
                new Field("When to use", mitigation.When),
                new Field("Action", mitigation.Action.Describe()),
                .. mitigation.FollowUp is { } followUp ? [new Field("Follow-up", followUp)] : Array.Empty<Field>(),
            ]));
        }
        if (leaf.Advice is { } advice) blocks.Add(new TextBlock(advice));
        // A mitigation button leads to an approval request; a manual step's to a step someone marks done.
        var buttons = leaf.Recommend.Select(runbook.FindMitigation).OfType<MitigationDefinition>()
            .Select(m => MitigationButton.For(incident, runbook, m, timeline)).ToList();
        if (buttons.Count > 0) blocks.Add(new ActionsBlock(buttons));
        foreach (var checklist in runbook.Checklists)
            blocks.Add(new TextBlock($"{checklist.Title}:\n{string.Join("\n", checklist.Items.Select(i => "☐ " + i))}"));
        var summary = leaf.Recommend.Count > 0 ? $"Recommended: {string.Join(", ", leaf.Recommend)}" : leaf.Advice ?? "Recommendation";
        return new ChatMessage(summary, blocks);
    }
}
