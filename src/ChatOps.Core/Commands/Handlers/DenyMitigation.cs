using ChatOps.Core.Access;
using ChatOps.Core.Chat;
using ChatOps.Core.Checks;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;
using ChatOps.Core.Mitigations;

namespace ChatOps.Core.Commands.Handlers;

/// <summary>A denial, which always says why.</summary>
public sealed class DenyMitigation(
    IMitigationStore requests,
    IIncidentStore incidents,
    IncidentPolicy policy,
    RequestDecisions decisions,
    MitigationRecords records) : RequestCommandHandler<DenyCommand>(requests, incidents, policy, records)
{
    protected override string AuditedAction => "deny";

    protected override long RequestOf(DenyCommand command) => command.Request;

    protected override async Task<CommandResult> HandleAsync(DenyCommand command, MitigationRequest request, Incident incident, CommandContext context, CancellationToken cancellationToken)
    {
        if (command.Reason is not { } reason)
            return CommandResult.Reject(CommandErrorCode.MissingArgument, $"Say why: deny {request.Name} <reason>.", Verbs.UsageOf(command));

        var decision = await decisions.DenyAsync(request, incident, context.Actor, reason, cancellationToken);
        if (decision.Request is not { } denied) return Refused(decision);

        await Records.TimelineAsync(incident, context.Actor, TimelineKind.MitigationDenied,
            $"{denied.Name} denied by {Mention.Of(context.Actor)}: {reason}", denied, cancellationToken);
        await Records.ShowAsync(incident, denied, cancellationToken);
        return new CommandResult([]);
    }
}
