using ChatOps.Core.Checks;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Commands.Handlers;

/// <summary>Base for the verbs that act on one incident: finds it first, or answers why it could not.</summary>
public abstract class IncidentCommandHandler<TCommand>(IncidentResolver resolver) : CommandHandler<TCommand>
    where TCommand : Command
{
    protected sealed override async Task<CommandResult> HandleAsync(TCommand command, CommandContext context, CancellationToken cancellationToken)
    {
        var (incident, error) = await resolver.ResolveAsync(command, context, cancellationToken);
        return error is not null ? CommandResult.Reject(error) : await HandleAsync(command, incident!, context, cancellationToken);
    }

    protected abstract Task<CommandResult> HandleAsync(TCommand command, Incident incident, CommandContext context, CancellationToken cancellationToken);
}
