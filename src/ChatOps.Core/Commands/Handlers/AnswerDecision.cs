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
        var run = DecisionRecord.LatestRun(timeline, runbook.Id);
        if (run.Count == 0)
            return CommandResult.Reject(CommandErrorCode.UnknownQuestion, $"Runbook {runbook.Id} has not run in {incident.Id}; run it first.");
        var evidence = CheckValues.Latest(run, runbook.Id).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        var open = DecisionWalker.Walk(tree, tree.Start, evidence, DecisionRecord.PersonAnswers(run, runbook.Id)).Open;
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
}
