using ChatOps.Core.Incidents;
using ChatOps.Core.Work;

namespace ChatOps.Core.Commands;

/// <summary>
/// Finds the incident a command is about: the one it names, else the one found when it was accepted, else the one whose
/// thread it was sent in, else the channel's only open incident. The work item in progress, if any, concerns the
/// incident found.
/// </summary>
public sealed class IncidentResolver(IIncidentStore store, IncidentPolicy policy)
{
    public async Task<(Incident? Incident, CommandError? Error)> ResolveAsync(Command command, CommandContext context, CancellationToken cancellationToken)
    {
        var resolved = await FindAsync(command, context, cancellationToken);
        if (resolved.Incident is { } incident) WorkScope.Concerns(incident.Id.ToString());
        return resolved;
    }

    private async Task<(Incident? Incident, CommandError? Error)> FindAsync(
        Command command, CommandContext context, CancellationToken cancellationToken)
    {
        // Only where the cure is to name the incident in the command does the usage line help: it shows where the id goes.
        var usage = Verbs.UsageOf(command);
        if ((command.Incident ?? context.Incident) is { } named)
        {
            var found = await store.FindAsync(named, cancellationToken);
            if (found is null)
                return (null, new CommandError(CommandErrorCode.UnknownIncident, $"There is no incident {named}. `list` shows the open ones."));
            return await policy.WhyNotReachAsync(context.Actor, found, context.Place, cancellationToken) is { } why
                ? (null, new CommandError(CommandErrorCode.NotAllowed, why))
                : (found, null);
        }
        if (context.Place.Thread is not null && await store.FindByThreadAsync(context.Place, cancellationToken) is { } threaded)
            return (threaded, null);

        var open = await store.ListOpenAsync(context.Place with { Thread = null }, cancellationToken);
        return open.Count switch
        {
            1 => (open[0], null),
            0 => (null, new CommandError(CommandErrorCode.NoIncidentHere, "This channel has no open incident. Name one (INC-YYYY-NNNN) or declare one.", usage)),
            _ => (null, new CommandError(
                CommandErrorCode.AmbiguousIncident,
                $"This channel has {open.Count} open incidents ({string.Join(", ", open.Select(i => i.Id))}); name the one you mean.",
                usage)),
        };
    }
}
