using System.Text.Json;
using ChatOps.Core.Access;
using ChatOps.Core.Chat;
using ChatOps.Core.Commands;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;
using ChatOps.Core.Work;
using ChatOps.Slack.Outbound;
using ChatOps.Slack.Wire;
using Microsoft.Extensions.Logging;

namespace ChatOps.Slack.Work;

/// <summary>Runs a Slack command in the background: its one handler, then its messages posted through the incident's surface.</summary>
internal sealed partial class SlackCommandJob(
    CommandDispatcher dispatcher,
    ChatDelivery delivery,
    SlackUserNames names,
    ILogger<SlackCommandJob> logger) : IWorkHandler
{
    public string Kind => SlackCommandWork.Kind;

    public async Task RunAsync(WorkItem item, CancellationToken cancellationToken)
    {
        var work = JsonSerializer.Deserialize(item.Payload, SlackJsonContext.Default.SlackCommandWork)
            ?? throw new InvalidOperationException($"Work item {item.Id} has no payload.");
        var name = work.UserName ?? await names.NameAsync(work.User, cancellationToken);
        var context = new CommandContext(new Actor(work.User, name), new ChatPlace(SlackChatSurface.PlatformName, work.Channel, work.Thread));
        try
        {
            var result = await dispatcher.DispatchAsync(work.Text, context, cancellationToken);
            await delivery.DeliverAsync(result, context, cancellationToken);
            if (work.Description is { Length: > 0 } description && result.Error is null
                && result.Messages.FirstOrDefault(m => m.Incident is not null)?.Incident is { } declared)
            {
                var note = await dispatcher.DispatchAsync(new AddNoteCommand(declared.Id, NoteKind.Note, $"Description: {description}"), context, cancellationToken);
                await delivery.DeliverAsync(note, context, cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await TellRequesterAsync(context, work.Text, e, cancellationToken);
            throw;
        }
    }

    // The person who typed the command hears that it failed, rather than silence; the worker logs the detail.
    private async Task TellRequesterAsync(CommandContext context, string text, Exception failure, CancellationToken cancellationToken)
    {
        var shown = text.Length <= 80 ? text : text[..79] + "…";
        try
        {
            // Through the delivery, which redacts: an error's message can quote a connection string.
            await delivery.DeliverAsync(CommandResult.ToRequester(ChatMessage.Plain($"Sorry, '{shown}' failed: {failure.Message.ReplaceLineEndings(" ")}")), context, cancellationToken);
        }
        catch (ChatSurfaceException e)
        {
            LogNotTold(e, context.Actor.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell {User} that their command failed")]
    private partial void LogNotTold(Exception exception, string user);
}
