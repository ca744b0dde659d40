using ChatOps.Core.Chat;
using ChatOps.Core.Checks;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Runs;

namespace ChatOps.Core.Commands.Handlers;

/// <summary>Runs one check again, named by id or by <c>runbook/check</c> where ids repeat across runbooks.</summary>
public sealed class RunCheck(IncidentResolver resolver, RunbookCatalog catalog, CheckRunner runner, IIncidentStore store, TimelineEvents events)
    : IncidentCommandHandler<RunCheckCommand>(resolver)
{
    protected override async Task<CommandResult> HandleAsync(RunCheckCommand command, Incident incident, CommandContext context, CancellationToken cancellationToken)
    {
        var matches = catalog.FindCheck(command.Check).Matches;
        if (matches.Count == 0)
            return CommandResult.Reject(CommandErrorCode.UnknownCheck, $"No runbook has a check '{CommandTable.Shorten(command.Check)}'.", Verbs.UsageOf(command));
        if (matches.Count > 1)
            return CommandResult.Reject(CommandErrorCode.UnknownCheck,
                $"'{command.Check}' is a check of several runbooks; name one: {string.Join(", ", matches.Select(m => $"{m.Runbook.Id}/{m.Check.Id}"))}.",
                Verbs.UsageOf(command));

        var (runbook, check) = matches[0];
        var result = await runner.RunAsync(incident, check, cancellationToken);
        await store.AppendAsync([CheckRan.Event(events, incident, context.Actor, runbook.Id, result)], cancellationToken);
        return CommandResult.Of(new Outgoing(Audience.Thread, CheckResultView.Render(result), incident));
    }
}
