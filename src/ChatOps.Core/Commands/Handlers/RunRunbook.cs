using ChatOps.Core.Checks;
using ChatOps.Core.Incidents;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Runs;

namespace ChatOps.Core.Commands.Handlers;

/// <summary>Runs a runbook in the incident's thread; the runner posts as results arrive, so nothing is returned at the end.</summary>
public sealed class RunRunbook(IncidentResolver resolver, RunbookCatalog catalog, RunbookRunner runner)
    : IncidentCommandHandler<RunRunbookCommand>(resolver)
{
    protected override async Task<CommandResult> HandleAsync(RunRunbookCommand command, Incident incident, CommandContext context, CancellationToken cancellationToken)
    {
        if (catalog.Find(command.Runbook) is not { } runbook)
            return UnknownRunbook.Reject(catalog, command.Runbook, command);
        await runner.RunAsync(incident, runbook, context.Actor, cancellationToken);
        return new CommandResult([]);
    }
}
