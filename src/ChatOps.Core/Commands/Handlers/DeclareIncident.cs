using System.Collections.Immutable;
using ChatOps.Core.Access;
using ChatOps.Core.Chat;
using ChatOps.Core.Checks;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Runs;
using ChatOps.Core.Work;
using Microsoft.Extensions.Options;

namespace ChatOps.Core.Commands.Handlers;

public sealed class DeclareIncident(
    IIncidentStore store,
    IncidentPolicy policy,
    IncidentClock clock,
    IncidentReplies replies,
    RunbookCatalog catalog,
    IOptions<IncidentOptions> options) : CommandHandler<DeclareCommand>
{
    /// <summary>Titles longer than this are cut; a title is a headline, the detail goes in notes.</summary>
    public const int MaxTitle = 150;

    protected override async Task<CommandResult> HandleAsync(DeclareCommand command, CommandContext context, CancellationToken cancellationToken)
    {
        var severity = command.Severity ?? options.Value.DefaultSeverity;
        // Declared as asked: a responder is never slowed down; a manager confirms a SEV1 or SEV2 afterwards.
        var awaits = await policy.AwaitsConfirmationAsync(context.Actor, severity, cancellationToken);

        var title = command.Title.ReplaceLineEndings(" ");
        if (title.Length > MaxTitle) title = title[..(MaxTitle - 1)] + "…";
        var declared = new NewIncident(title, severity, context.Place with { Thread = null }, context.Actor.Id, clock.Now, null, awaits)
        {
            Effect = WorkScope.Current?.EffectKey("declare"),
        };
        var incident = await store.CreateAsync(declared, id =>
        [
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
        return CommandResult.Of(
            new Outgoing(Audience.Channel, replies.Card(incident), incident),
            new Outgoing(Audience.Thread, welcome, incident));
    }
}
