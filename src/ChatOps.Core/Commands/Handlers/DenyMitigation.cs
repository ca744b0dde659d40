using ChatOps.Core.Access;
using ChatOps.Core.Incidents;
using ChatOps.Core.Mitigations;
using ChatOps.Core.Timeline;

namespace ChatOps.Core.Commands.Handlers;

/// <summary>A denial, which always says why.</summary>
public sealed class DenyMitigation(
    IMitigationStore requests,
    IIncidentStore incidents,
    IncidentPolicy policy,
    ApprovalPolicy approvals,
    RequestUpdater updater,
    MitigationRecords records,
    TimeProvider time) : RequestCommandHandler<DenyCommand>(requests, incidents, policy)
{
    protected override long RequestOf(DenyCommand command) => command.Request;

    protected override async Task<CommandResult> HandleAsync(DenyCommand command, MitigationRequest request, Incident incident, CommandContext context, CancellationToken cancellationToken)
    {
        if (await approvals.WhyNotApproveAsync(context.Actor, incident, cancellationToken) is { } why)
            return CommandResult.Reject(CommandErrorCode.NotAllowed, why, Verbs.UsageOf(command));
        if (command.Reason is null)
            return CommandResult.Reject(CommandErrorCode.MissingArgument, $"Say why: deny {request.Name} <reason>.", Verbs.UsageOf(command));

        var (denied, refusal) = await updater.ApplyAsync(request.Id, r => RequestTransitions.Deny(r, context.Actor.Id, command.Reason, time.GetUtcNow()),
            r => [records.Audit(r, context.Actor, "deny", r.Status == RequestStatus.Expired ? "expired" : "denied: " + command.Reason)], cancellationToken);
        if (refusal is not null)
        {
            if (denied.Status == RequestStatus.Expired) await records.ShowAsync(incident, denied, cancellationToken);
            return CommandResult.Reject(CommandErrorCode.InvalidTransition, refusal, Verbs.UsageOf(command));
        }
        await records.TimelineAsync(incident, context.Actor, TimelineKind.MitigationDenied,
            $"{denied.Name} denied by {UserMention.Render(context.Actor.Id)}: {command.Reason}", denied, cancellationToken);
        await records.ShowAsync(incident, denied, cancellationToken);
        return new CommandResult([]);
    }
}
