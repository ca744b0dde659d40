using ChatOps.Core.Access;
using ChatOps.Core.Checks;
using ChatOps.Core.Incidents;
using ChatOps.Core.Mitigations;
using ChatOps.Core.Work;

namespace ChatOps.Core.Commands.Handlers;

/// <summary>Base for the verbs that act on a mitigation request by id: finds it and its incident, from the incident's channel.</summary>
public abstract class RequestCommandHandler<TCommand>(IMitigationStore requests, IIncidentStore incidents, IncidentPolicy policy, MitigationRecords records) : CommandHandler<TCommand>
    where TCommand : Command
{
    protected IMitigationStore Requests => requests;

    protected MitigationRecords Records => records;

    /// <summary>The audit's name for this verb's attempts, when a refused one must be audited too (approve, deny).</summary>
    protected virtual string? AuditedAction => null;

    protected abstract long RequestOf(TCommand command);

    protected sealed override async Task<CommandResult> HandleAsync(TCommand command, CommandContext context, CancellationToken cancellationToken)
    {
        var id = RequestOf(command);
        var request = await requests.FindAsync(id, cancellationToken);
        var incident = request is null ? null : await incidents.FindAsync(request.Incident, cancellationToken);
        if (request is null || incident is null)
            return CommandResult.Reject(CommandErrorCode.UnknownRequest, $"There is no request MIT-{id}.");
        WorkScope.Concerns(incident.Id.ToString());
        if (await policy.WhyNotReachAsync(context.Actor, incident, context.Place, cancellationToken) is { } why)
        {
            if (AuditedAction is { } action) await records.RefusedAsync(request, context.Actor, action, "another channel", cancellationToken);
            return CommandResult.Reject(CommandErrorCode.NotAllowed, why);
        }
        return await HandleAsync(command, request, incident, context, cancellationToken);
    }

    protected static CommandResult Refused(RequestDecisions.Decision decision) =>
        CommandResult.Reject(decision.Forbidden ? CommandErrorCode.NotAllowed : CommandErrorCode.InvalidTransition, decision.Refusal!);

    protected abstract Task<CommandResult> HandleAsync(TCommand command, MitigationRequest request, Incident incident, CommandContext context, CancellationToken cancellationToken);
}
