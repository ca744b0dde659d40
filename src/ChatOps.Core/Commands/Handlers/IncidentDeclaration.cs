using System.Collections.Immutable;
using ChatOps.Core.Chat;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Work;

namespace ChatOps.Core.Commands.Handlers;

/// <summary>
/// Opens an incident, whoever asks (a person's declare, a Declare button on an alert): stored with its first events, and
/// answered with its root message for the channel and a welcome in its thread.
/// </summary>
public sealed class IncidentDeclaration(IIncidentStore store, IncidentPolicy policy, IncidentClock clock, IncidentReplies replies, RunbookCatalog catalog)
{
    /// <param name="before">Events that happened before the declaration (an alert firing), stored first.</param>
    public async Task<(Incident Incident, CommandResult Result)> DeclareAsync(
        string title, Severity severity, CommandContext context, Func<IncidentId, IReadOnlyList<TimelineEvent>> before, CancellationToken cancellationToken)
    {
        // Declared as asked: a responder is never slowed down; a manager confirms a SEV1 or SEV2 afterwards.
        var awaits = await policy.AwaitsConfirmationAsync(context.Actor, severity, cancellationToken);
        title = title.ReplaceLineEndings(" ");
        if (title.Length > DeclareIncident.MaxTitle) title = title[..(DeclareIncident.MaxTitle - 1)] + "…";
        var declared = new NewIncident(title, severity, context.Place with { Thread = null }, context.Actor.Id, clock.Now, null, awaits)
        {
            Effect = WorkScope.Current?.EffectKey("declare"),
        };
        var incident = await store.CreateAsync(declared, id =>
        [
            .. before(id),
            TimelineEvents.Keyed(new TimelineEvent(id, declared.DeclaredAt, context.Actor.Id, TimelineKind.Declared,
                $"Incident declared at {severity.Label()}: {title}" + (awaits ? $" ({severity.Label()} awaits a manager's confirmation)" : ""),
                awaits ? ImmutableSortedDictionary<string, string>.Empty.Add("confirmation", "awaited") : null)),
        ], cancellationToken);
        WorkScope.Concerns(incident.Id.ToString());

        var blocks = new List<MessageBlock>
        {
            new TextBlock($"{incident.Id} declared by {Mention.Of(context.Actor)}. Work it in this thread: mention the bot with a command, e.g. note, cause, run <runbook>."),
        };
        if (catalog.All.Count > 0) blocks.Add(new FieldsBlock([.. catalog.All.Take(10).Select(r => new Field(r.Id, r.Title))]));
        blocks.Add(new ContextBlock("Set a commander with lead @user; help lists every command."));
        var welcome = new ChatMessage($"{incident.Id} declared", blocks);
        return (incident, CommandResult.Of(
            new Outgoing(Audience.Channel, replies.Card(incident), incident),
            new Outgoing(Audience.Thread, welcome, incident)));
    }
}
