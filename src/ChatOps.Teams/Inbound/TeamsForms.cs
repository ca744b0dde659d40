using ChatOps.Core.Access;
using ChatOps.Core.Commands;
using ChatOps.Core.Commands.Handlers;
using ChatOps.Core.Inbound;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;
using ChatOps.Core.Work;
using ChatOps.Teams.Cards;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.Teams.Inbound;

/// <summary>
/// The answers of a card form, checked as Slack's modals check them, then handed to the inbound pipeline like any
/// command: a core form (<see cref="ButtonActions.Form"/>) completes its command with one word per field, in order; the
/// declare form (<see cref="DeclareCard"/>) declares. A mistake is an <see cref="InboundOutcome.Answered"/> refusal,
/// which the door shows to the person who submitted. The declare form itself is offered through the durable queue.
/// </summary>
internal sealed partial class TeamsForms(
    InboundPipeline pipeline, IWorkQueue queue, WorkSignal signal, IOptionsMonitor<InboundOptions> options, ILogger<TeamsForms> logger)
{
    /// <summary>
    /// Stores the offer of the declare form for <paramref name="asker"/> at <paramref name="place"/>, once per delivery; a
    /// worker posts it (<see cref="DeclareFormJob"/>). False when the store did not take it, so nothing was accepted.
    /// </summary>
    public async Task<bool> OfferDeclareAsync(ChatPlace place, PersonId asker, Severity severity, string deliveryKey, CancellationToken cancellationToken)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(options.CurrentValue.StoreTimeout);
        try
        {
            // False is a retried delivery, stored before: accepted all the same.
            if (await queue.EnqueueAsync(DeclareFormJob.Item(place, asker, severity, deliveryKey), bounded.Token)) signal.Notify();
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogNotStored(e, deliveryKey);
            return false;
        }
    }

    /// <param name="answerNow">The door can show the core's refusal at once (an invoke's response), so ask the pipeline for it.</param>
    public async Task<InboundAnswer> CompleteAsync(InboundEnvelope click, CardActionData form, bool answerNow, CancellationToken cancellationToken)
    {
        if (form.Fields is not { Count: > 0 and <= CardActionData.MaxFields } fields)
            return Refuse(CommandErrorCode.MissingArgument, "This form no longer knows what it asks for; click its button again.");
        var answers = new List<string>();
        foreach (var field in fields)
        {
            var name = field.StartsWith(CardActions.FieldPrefix, StringComparison.Ordinal) ? field[CardActions.FieldPrefix.Length..] : field;
            // Only the form's own inputs are answers: a listed id outside them (actionId, value) is not one of our forms.
            var answer = field.StartsWith(CardActions.FieldPrefix, StringComparison.Ordinal) ? form.Input(field) : null;
            // Each answer is one word of the command (the core's form contract); the rest of its checks are the core's.
            if (answer is null) return Refuse(CommandErrorCode.MissingArgument, $"Answer '{name}': choose one, or type one.");
            if (answer.Any(char.IsWhiteSpace)) return Refuse(CommandErrorCode.UnexpectedArgument, $"Answer '{name}' with one word, without spaces.");
            answers.Add(answer);
        }
        var completed = string.Join(' ', [form.Value, .. answers]);
        return await pipeline.AcceptAsync(click with
        {
            Text = completed,
            RepeatKey = $"{click.RepeatKey}:{completed}",
            AnswerInAcknowledgement = answerNow,
        }, cancellationToken);
    }

    public async Task<InboundAnswer> DeclareAsync(InboundEnvelope click, CardActionData form, CancellationToken cancellationToken)
    {
        var title = form.Input(DeclareCard.TitleInput);
        var description = form.Input(DeclareCard.DescriptionInput);
        if (title is null) return Refuse(CommandErrorCode.MissingTitle, "An incident needs a title.");
        if (title.Length > DeclareIncident.MaxTitle)
            return Refuse(CommandErrorCode.TooLong, $"Keep the title to {DeclareIncident.MaxTitle} characters; put the detail in the description.");
        // Any severity is accepted from anyone: a SEV1 or SEV2 from a non-manager is declared and awaits a manager's confirmation.
        if (!SeverityText.TryParse(form.Input(DeclareCard.SeverityInput), out var severity)) return Refuse(CommandErrorCode.BadSeverity, "Choose SEV1 to SEV4.");
        if (description is { Length: > DeclareCard.MaxDescription })
            return Refuse(CommandErrorCode.TooLong, $"Keep the description to {DeclareCard.MaxDescription} characters; add more as notes.");

        var text = $"{DeclareCard.Command} {severity.Label().ToLowerInvariant()} {title.ReplaceLineEndings(" ")}";
        return await pipeline.AcceptAsync(click with { Text = text, Description = description, RepeatKey = $"{click.RepeatKey}:{text}" }, cancellationToken);
    }

    private static InboundAnswer Refuse(CommandErrorCode code, string message) => new(InboundOutcome.Answered, CommandResult.Reject(code, message));

    [LoggerMessage(Level = LogLevel.Error, Message = "The declare form for delivery {DeliveryKey} could not be stored; Teams is told to try again")]
    private partial void LogNotStored(Exception exception, string deliveryKey);
}
