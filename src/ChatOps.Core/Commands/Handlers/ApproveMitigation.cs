using ChatOps.Core.Access;
using ChatOps.Core.Incidents;
using ChatOps.Core.Mitigations;
using ChatOps.Core.Timeline;

namespace ChatOps.Core.Commands.Handlers;

/// <summary>One approval; the one that completes the count runs the mitigation, once, whatever else is clicked meanwhile.</summary>
public sealed class ApproveMitigation(
    IMitigationStore requests,
    IIncidentStore incidents,
    IncidentPolicy policy,
    ApprovalPolicy approvals,
    RequestUpdater updater,
    MitigationRecords records,
    MitigationExecution execution,
    TimeProvider time) : RequestCommandHandler<ApproveCommand>(requests, incidents, policy)
{
    protected override long RequestOf(ApproveCommand command) => command.Request;

    protected override async Task<CommandResult> HandleAsync(ApproveCommand command, MitigationRequest request, Incident incident, CommandContext context, CancellationToken cancellationToken)
    {
        if (await approvals.WhyNotApproveAsync(context.Actor, incident, cancellationToken) is { } why)
            return CommandResult.Reject(CommandErrorCode.NotAllowed, why, Verbs.UsageOf(command));
        if (!incident.IsOpen)
            return CommandResult.Reject(CommandErrorCode.InvalidTransition, $"{incident.Id} is resolved; {request.Name} will not run. Deny it, or reopen work in a new incident.", Verbs.UsageOf(command));

        var (approved, refusal) = await updater.ApplyAsync(request.Id, r => RequestTransitions.Approve(r, context.Actor.Id, time.GetUtcNow()),
            r => [records.Audit(r, context.Actor, "approve", r.Status == RequestStatus.Expired ? "expired" : RequestTransitions.Name(r.Status))], cancellationToken);
        if (refusal is not null)
        {
            if (approved.Status == RequestStatus.Expired) await records.ShowAsync(incident, approved, cancellationToken);
            return CommandResult.Reject(CommandErrorCode.InvalidTransition, refusal, Verbs.UsageOf(command));
        }

        await records.TimelineAsync(incident, context.Actor, TimelineKind.MitigationApproved,
            $"{approved.Name} approved by {UserMention.Render(context.Actor.Id)} ({approved.Approvers.Count}/{approved.RequiredApprovals})", approved, cancellationToken);
        await records.ShowAsync(incident, approved, cancellationToken);
        if (approved.Status == RequestStatus.Approved) await execution.RunAsync(incident, approved, context.Actor, cancellationToken);
        return new CommandResult([]);
    }
}
