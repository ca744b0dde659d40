using ChatOps.Core.Access;
using ChatOps.Core.Chat;
using ChatOps.Core.Checks;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;
using ChatOps.Core.Mitigations;

namespace ChatOps.Core.Commands.Handlers;

/// <summary>One approval; the one that completes the count runs the mitigation, once, whatever else is clicked meanwhile.</summary>
public sealed class ApproveMitigation(
    IMitigationStore requests,
    IIncidentStore incidents,
    IncidentPolicy policy,
    RequestDecisions decisions,
    MitigationRecords records,
    MitigationExecution execution) : RequestCommandHandler<ApproveCommand>(requests, incidents, policy, records)
{
    protected override string AuditedAction => "approve";

    protected override long RequestOf(ApproveCommand command) => command.Request;

    protected override async Task<CommandResult> HandleAsync(ApproveCommand command, MitigationRequest request, Incident incident, CommandContext context, CancellationToken cancellationToken)
    {
        var decision = await decisions.ApproveAsync(request, incident, context.Actor, cancellationToken);
        if (decision.Request is not { } approved) return Refused(decision);

        await Records.TimelineAsync(incident, context.Actor, TimelineKind.MitigationApproved,
            $"{approved.Name} approved by {Mention.Of(context.Actor)} ({approved.Approvers.Count}/{approved.RequiredApprovals})", approved, cancellationToken);
        await Records.ShowAsync(incident, approved, cancellationToken);
        if (approved.Status == RequestStatus.Approved) await execution.RunAsync(incident, approved, context.Actor, cancellationToken);
        return new CommandResult([]);
    }
}
