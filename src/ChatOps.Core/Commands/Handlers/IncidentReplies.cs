using ChatOps.Core.Checks;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;
using ChatOps.Core.Runbooks;

namespace ChatOps.Core.Commands.Handlers;

/// <summary>
/// A command's change to an incident and its answer together: the change applied (concurrency-safe, with its timeline
/// events), then the reply in the thread and the refreshed root message, or the refusal.
/// </summary>
public sealed class IncidentReplies(IncidentChanger changer, IncidentCard card, RunbookCatalog catalog)
{
    public async Task<CommandResult> ApplyAsync(Command command, Incident incident, Func<Incident, IncidentChange> change, Func<Incident, string> reply, CancellationToken cancellationToken)
    {
        var (updated, refused) = await changer.ApplyAsync(incident, change, cancellationToken);
        return updated is null
            ? CommandResult.Reject(refused!.Forbidden ? CommandErrorCode.NotAllowed : CommandErrorCode.InvalidTransition, refused.Refusal!)
            : CommandResult.Changed(updated, ChatMessage.Plain(reply(updated)), Card(updated));
    }

    public ChatMessage Card(Incident incident) => card.Render(incident, catalog.All.Select(r => r.Id));
}
