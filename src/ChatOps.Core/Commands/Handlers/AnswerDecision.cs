using ChatOps.Core.Chat;
using ChatOps.Core.Checks;
using ChatOps.Core.Decisions;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Runs;

namespace ChatOps.Core.Commands.Handlers;

/// <summary>
/// A person's Yes or No to a decision-tree question. Only the question the latest run left open is accepted,
/// so a double click, a stale button or a question never reached changes nothing; the walk then goes on from
/// the evidence recorded on the timeline.
/// </summary>
public sealed class AnswerDecision(IncidentResolver resolver, RunbookCatalog catalog, RunbookRunner runner, IIncidentStore store, TimelineEvents events, ChatDelivery chat)
    : IncidentCommandHandler<AnswerDecisionCommand>(resolver)
{
    protected override async Task<CommandResult> HandleAsync(AnswerDecisionCommand command, Incident incident, CommandContext context, CancellationToken cancellationToken)
    {
        if (catalog.Find(command.Runbook) is not { } runbook) return UnknownRunbook.Reject(catalog, command.Runbook, command);
        if (runbook.Decision is not { } tree || tree.Nodes.GetValueOrDefault(command.Node) is not { } node)
            return CommandResult.Reject(CommandErrorCode.UnknownQuestion, $"Runbook {runbook.Id} has no question '{CommandTable.Shorten(command.Node)}'.", Verbs.UsageOf(command));

        var timeline = await store.TimelineAsync(incident.Id, cancellationToken);
        var run = timeline.SkipWhile((_, i) => i < LastStart(timeline, runbook.Id)).ToList();
        if (run.Count == 0)
            return CommandResult.Reject(CommandErrorCode.UnknownQuestion, $"Runbook {runbook.Id} has not run in {incident.Id}; run it first.");
        var evidence = CheckValues.Latest(run, runbook.Id).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        var open = DecisionWalker.Walk(tree, tree.Start, evidence, PersonAnswers(run, runbook.Id)).Open;
        if (open?.Id != node.Id)
            return CommandResult.Reject(CommandErrorCode.UnknownQuestion,
                open is null ? $"Every question of {runbook.Id} is answered." : $"That question is not open; the open one is: {open.Ask}");

        var answer = command.Yes ? "Yes" : "No";
        await store.AppendAsync([DecisionRecord.FromPerson(events, incident, context.Actor, runbook, node, command.Yes)], cancellationToken);
        await chat.PostToThreadAsync(incident, ChatMessage.Plain($"{node.Ask} → {answer} ({Mention.Of(context.Actor)})"), cancellationToken);

        switch (DecisionWalker.Branch(node, command.Yes))
        {
            case DecisionLeaf leaf:
                await chat.PostToThreadAsync(incident, DecisionView.Recommend(incident, runbook, leaf, timeline), cancellationToken);
                break;
            case GoToNode next:
                await runner.WalkAsync(incident, runbook, next.Node, evidence, cancellationToken);
                break;
        }
        return new CommandResult([]);
    }

    private static int LastStart(IReadOnlyList<TimelineEvent> timeline, string runbook)
    {
        for (var i = timeline.Count - 1; i >= 0; i--)
        {
            if (timeline[i].Kind == TimelineKind.RunbookStarted && timeline[i].Details.GetValueOrDefault("runbook") == runbook) return i;
        }
        return timeline.Count;
    }

    private static Dictionary<string, bool> PersonAnswers(IEnumerable<TimelineEvent> run, string runbook) =>
        run.Where(e => e.Kind == TimelineKind.DecisionTaken && e.Details.GetValueOrDefault("runbook") == runbook && e.Details.GetValueOrDefault("by") == "person")
            .GroupBy(e => e.Details["node"], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last().Details["answer"] == "yes", StringComparer.Ordinal);
}
