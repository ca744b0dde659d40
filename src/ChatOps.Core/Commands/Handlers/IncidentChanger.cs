using System.Collections.Immutable;
using ChatOps.Core.Access;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Timeline;

namespace ChatOps.Core.Commands.Handlers;

/// <summary>
/// Every side effect of changing an incident in one place: the concurrency-safe update, its timeline
/// events, the reply in the thread and the refreshed root message.
/// </summary>
public sealed class IncidentChanger(IncidentUpdater updater, IncidentCard card, IncidentClock clock, RunbookCatalog catalog)
{
    public async Task<CommandResult> ApplyAsync(Command command, Incident incident, Func<Incident, IncidentChange> change, Func<Incident, string> reply, CancellationToken cancellationToken)
    {
        var (updated, refused) = await updater.ApplyAsync(incident, change, cancellationToken);
        return updated is null
            ? CommandResult.Reject(refused!.Forbidden ? CommandErrorCode.NotAllowed : CommandErrorCode.InvalidTransition, refused.Refusal!, Verbs.UsageOf(command))
            : CommandResult.Changed(updated, ChatMessage.Plain(reply(updated)), Card(updated));
    }

    public ChatMessage Card(Incident incident) => card.Render(incident, catalog.All.Select(r => r.Id));

    public TimelineEvent Event(Incident incident, Actor actor, TimelineKind kind, string text, params (string Key, string? Value)[] data) =>
        new(incident.Id, clock.Now, actor.Id, kind, text,
            data.Where(d => d.Value is not null).ToImmutableSortedDictionary(d => d.Key, d => d.Value!, StringComparer.Ordinal));
}
