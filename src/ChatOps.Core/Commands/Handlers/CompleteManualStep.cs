using ChatOps.Core.Incidents;
using ChatOps.Core.Mitigations;

namespace ChatOps.Core.Commands.Handlers;

/// <summary><c>done MIT-N</c> (the Mark done button): anyone who can reach the incident says a manual step is done.</summary>
public sealed class CompleteManualStep(
    IMitigationStore requests, IIncidentStore incidents, IncidentPolicy policy, MitigationRecords records, ManualSteps steps)
    : RequestCommandHandler<CompleteManualStepCommand>(requests, incidents, policy, records)
{
    protected override long RequestOf(CompleteManualStepCommand command) => command.Request;

    protected override async Task<CommandResult> HandleAsync(CompleteManualStepCommand command, MitigationRequest request, Incident incident, CommandContext context, CancellationToken cancellationToken) =>
        await steps.DoneAsync(incident, request, context.Actor, cancellationToken) is { } why
            ? CommandResult.Reject(CommandErrorCode.InvalidTransition, why)
            : new CommandResult([]);
}
