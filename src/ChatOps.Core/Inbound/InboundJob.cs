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
/// description becomes the incident's first note; a failure is told to the person who asked.
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
        var envelope = JsonSerializer.Deserialize(item.Payload, InboundJson.Default.InboundEnvelope)
            ?? throw new InvalidOperationException($"Work item {item.Id} has no envelope.");
        var actor = envelope.Actor.Name is null
            ? envelope.Actor with { Name = await people.NameAsync(envelope.Actor.Id, null, cancellationToken) }
            : envelope.Actor;
        var context = new CommandContext(actor, envelope.Place);
        try
        {
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
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await TellRequesterAsync(context, envelope.Text, e, cancellationToken);
            throw;
        }
    }

    // The person who asked hears that it failed, rather than silence; the worker logs the detail.
    private async Task TellRequesterAsync(CommandContext context, string text, Exception failure, CancellationToken cancellationToken)
    {
        var shown = text.Length <= 80 ? text : text[..79] + "…";
        try
        {
            // Through the delivery, which redacts: an error's message can quote a connection string.
            await delivery.DeliverAsync(
                CommandResult.ToRequester(
                    ChatMessage.Plain($"Sorry, '{shown}' failed: {failure.Message.ReplaceLineEndings(" ")}")).Messages,
                context.Actor, context.Place, cancellationToken);
        }
        catch (ChatSurfaceException e)
        {
            LogNotTold(e, context.Actor.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell {User} that their command failed")]
    private partial void LogNotTold(Exception exception, PersonId user);
}
