using ChatOps.Core.Access;
using ChatOps.Core.Checks;
using ChatOps.Core.Incidents;
using ChatOps.Core.Mitigations;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Runs;
using Microsoft.Extensions.Options;

namespace ChatOps.Core.Commands.Handlers;

/// <summary>A revert is a request of its own: it restores the state recorded before the mitigation ran, once approved.</summary>
public sealed class RevertMitigation(
    IMitigationStore requests,
    IIncidentStore incidents,
    IncidentPolicy policy,
    RunbookCatalog catalog,
    MitigationExecution execution,
    MitigationRecords records,
    IOptions<ApprovalOptions> options,
    TimeProvider time) : RequestCommandHandler<RevertCommand>(requests, incidents, policy, records)
{
    protected override long RequestOf(RevertCommand command) => command.Request;

    protected override async Task<CommandResult> HandleAsync(RevertCommand command, MitigationRequest request, Incident incident, CommandContext context, CancellationToken cancellationToken)
    {
        var original = request;
        if (original.IsRevert || original.Status != RequestStatus.Executed || original.Before is null)
            return CommandResult.Reject(CommandErrorCode.InvalidTransition, $"{original.Name} is {RequestTransitions.Name(original.Status)}; only an executed mitigation can be reverted.");
        var pending = (await Requests.ListAsync(original.Incident, cancellationToken))
            .FirstOrDefault(r => r.RevertOf == original.Id && r.Status is RequestStatus.Pending or RequestStatus.Approved or RequestStatus.Executing);
        if (pending is not null)
            return CommandResult.Reject(CommandErrorCode.InvalidTransition, $"{pending.Name} already asks to revert {original.Name}.");
        var action = catalog.Find(original.Runbook)?.FindMitigation(original.Mitigation)?.Action;
        if (action is null || execution.For(incident, action) is not { } executor)
            return CommandResult.Reject(CommandErrorCode.InvalidTransition, $"{original.Name} cannot be reverted here: its runbook or executor is missing.");

        MitigationState current;
        try
        {
            current = (await executor.PreviewAsync(action, original.Subject, cancellationToken)).Current;
        }
        catch (MitigationFailedException e)
        {
            return CommandResult.Reject(CommandErrorCode.InvalidTransition, $"Cannot read the current state to revert {original.Name}: {e.Message}");
        }

        var now = time.GetUtcNow();
        await Records.OpenAsync(incident, context.Actor, new MitigationRequest
        {
            Incident = original.Incident,
            Runbook = original.Runbook,
            Mitigation = original.Mitigation,
            Title = $"Revert {original.Name}: {original.Title}",
            Why = $"Restore the state recorded before {original.Name} ran.",
            RevertOf = original.Id,
            Subject = original.Subject,
            RequestedBy = context.Actor.Id,
            RequestedAt = now,
            ExpiresAt = now + options.Value.Expiry,
            RequiredApprovals = original.RequiredApprovals,
            Current = current.Description,
            CurrentState = current,
            Planned = original.Before.Description,
            Version = 1,
        }, "request revert", cancellationToken);
        return new CommandResult([]);
    }
}
