using System.Text.Json;
using ChatOps.Core.Access;
using ChatOps.Core.Chat;
using ChatOps.Core.Commands;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;
using ChatOps.Core.Work;
using Microsoft.Extensions.Logging;

namespace ChatOps.Core.Inbound;

/// <summary>
/// Runs an accepted envelope: its command's one handler, then the messages through the delivery. A declaration's
/// description becomes the incident's first note. A failed attempt is retried by the queue; once the queue gives up, the
/// place the command came from hears that it could not be done, and why.
/// </summary>
public sealed partial class InboundJob(
    CommandDispatcher dispatcher,
    ChatDelivery delivery,
    PeopleDirectory people,
    ILogger<InboundJob> logger) : IWorkHandler
{
    public const string Kind = "inbound.command";

    string IWorkHandler.Kind => Kind;

    public async Task RunAsync(WorkItem item, CancellationToken cancellationToken)
    {
        var envelope = Envelope(item);
        var actor = envelope.Actor.Name is null
            ? envelope.Actor with { Name = await people.NameAsync(envelope.Actor.Id, null, cancellationToken) }
            : envelope.Actor;
        var context = new CommandContext(actor, envelope.Place, envelope.Incident);
        var result = await dispatcher.DispatchAsync(envelope.Text, context, cancellationToken);
        await delivery.DeliverAsync(result.Messages, actor, envelope.Place, cancellationToken);
        if (envelope.Description is { Length: > 0 } description && result.Error is null
            && result.Messages.FirstOrDefault(m => m.Incident is not null)?.Incident is { } declared)
        {
            var note = await dispatcher.DispatchAsync(
                new AddNoteCommand(declared.Id, NoteKind.Note, $"Description: {description}"), context, cancellationToken);
            await delivery.DeliverAsync(note.Messages, actor, envelope.Place, cancellationToken);
        }
    }

    /// <summary>
    /// Said in the thread the command came from (everyone there was waiting for it), else to the person alone; through
    /// the delivery, which redacts: a failure's message can quote a connection string.
    /// </summary>
    public async Task GiveUpAsync(WorkItem item, string reason, CancellationToken cancellationToken)
    {
        var envelope = Envelope(item);
        var shown = envelope.Text.Length <= 80 ? envelope.Text : envelope.Text[..79] + "…";
        var message = ChatMessage.Plain($"Could not be done: '{shown}' from {Mention.Of(envelope.Actor)}: {reason.ReplaceLineEndings(" ")}");
        try
        {
            var result = envelope.Place.Thread is null ? CommandResult.ToRequester(message) : CommandResult.Of(new Outgoing(Audience.Thread, message));
            await delivery.DeliverAsync(result.Messages, envelope.Actor, envelope.Place, cancellationToken);
        }
        catch (ChatSurfaceException e)
        {
            LogNotTold(e, envelope.Actor.Id);
        }
    }

    /// <summary>The envelope as a work item. Work of one chat place runs in order, so its posts keep the order the commands came in.</summary>
    public static WorkItem Item(InboundEnvelope envelope) =>
        new(Kind, JsonSerializer.Serialize(envelope, InboundJson.Default.InboundEnvelope), OrderingKey(envelope.Place), envelope.DeliveryKey);

    /// <summary>The order a place's work runs in: its channel's, threads included.</summary>
    public static string OrderingKey(ChatPlace place) => $"{place.Platform}:{place.Channel}";

    private static InboundEnvelope Envelope(WorkItem item) =>
        JsonSerializer.Deserialize(item.Payload, InboundJson.Default.InboundEnvelope)
            ?? throw new InvalidOperationException($"Work item {item.Id} has no envelope.");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell {User} that their command could not be done")]
    private partial void LogNotTold(Exception exception, PersonId user);
}
