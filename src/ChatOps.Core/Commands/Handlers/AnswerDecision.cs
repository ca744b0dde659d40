using ChatOps.Core.Chat;
using ChatOps.Core.Checks;
using ChatOps.Core.Decisions;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Timeline;

namespace ChatOps.Core.Commands.Handlers;

/// <summary>A person's Yes or No to a decision-tree question; the walk goes on from the evidence on the timeline.</summary>
public sealed class AnswerDecision(IncidentResolver resolver, RunbookCatalog catalog, RunbookRunner runner, IIncidentStore store, IncidentChanger changer, ChatDelivery chat)
    : IncidentCommandHandler<AnswerDecisionCommand>(resolver)
{
    protected override async Task<CommandResult> HandleAsync(AnswerDecisionCommand command, Incident incident, CommandContext context, CancellationToken cancellationToken)
    {
        if (catalog.Find(command.Runbook) is not { } runbook) return UnknownRunbook.Reject(catalog, command.Runbook, command);
        if (runbook.Decision?.Nodes.GetValueOrDefault(command.Node) is not { } node)
            return CommandResult.Reject(CommandErrorCode.MissingArgument,
                $"Runbook {runbook.Id} has no question '{CommandTable.Shorten(command.Node)}'.", Verbs.UsageOf(command));

        var answer = command.Yes ? "Yes" : "No";
        await store.AppendAsync([changer.Event(incident, context.Actor, TimelineKind.DecisionTaken, $"{node.Ask} {answer}",
            ("runbook", runbook.Id), ("node", node.Id), ("answer", command.Yes ? "yes" : "no"), ("by", "person"))], cancellationToken);
        await chat.PostToThreadAsync(incident, ChatMessage.Plain($"{node.Ask} → {answer} ({Commands.UserMention.Render(context.Actor.Id)})"), cancellationToken);

        switch (DecisionWalker.Branch(node, command.Yes))
        {
            case DecisionLeaf leaf:
                await chat.PostToThreadAsync(incident, DecisionView.Recommend(runbook, leaf), cancellationToken);
                break;
            case GoToNode next:
                var evidence = CheckValues.Latest(await store.TimelineAsync(incident.Id, cancellationToken), runbook.Id);
                await runner.WalkAsync(incident, runbook, next.Node, evidence.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal), cancellationToken);
                break;
        }
        return new CommandResult([]);
    }
}
