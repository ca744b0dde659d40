using System.Text.Json;
using ChatOps.Core.Access;
using ChatOps.Core.Inbound;
using ChatOps.Core.Incidents;
using ChatOps.Slack.BlockKit;
using ChatOps.Slack.Outbound;
using ChatOps.Slack.Wire;

namespace ChatOps.Slack.Inbound;

/// <summary>
/// A core form (a button's <c>incident.form</c>) as a modal: each field is a select of what the bot offers and a text
/// input, and the view_submission hands the completed command to the inbound pipeline, which checks it as if typed.
/// What the pipeline refuses (a subject that is neither a user id nor an IP) is shown under the field, and the modal
/// stays open (<c>response_action: errors</c>).
/// </summary>
internal sealed class FormModal(SlackApiClient client, InboundPipeline pipeline, TimeProvider time)
{
    public const string CallbackId = "incident.form";
    public const string ChoiceSuffix = ".choice";

    // Slack's limits for modals and selects (https://docs.slack.dev/reference/views/modal-views, .../block-elements/select-menu-element).
    private const int TitleLength = 24;
    private const int OptionText = 75;
    private const int OptionValue = 150;
    private const int Options = 100;
    private const int TypedLength = 200;

    /// <summary>A trigger_id expires 3 seconds after the click; a form that cannot open by then never will.</summary>
    private static readonly TimeSpan OpenTimeout = TimeSpan.FromSeconds(2.5);

    /// <summary>
    /// Opens the form for the click. When Slack will not open it, the click runs the form's command without answers,
    /// whose answer (through the pipeline and the delivery, like any command's) says how to type it instead.
    /// </summary>
    public async Task OpenAsync(string? triggerId, FormButtonValue form, InboundEnvelope click, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(triggerId))
        {
            using var timeout = new CancellationTokenSource(OpenTimeout, time);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            try
            {
                await client.OpenViewAsync(new OpenViewRequest(triggerId, View(form, click.Place)), deadline.Token);
                return;
            }
            catch (Exception e) when (e is SlackApiException or HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // Falls through to the typed form of the command.
            }
        }
        await pipeline.AcceptAsync(click with { Text = form.Command }, cancellationToken);
    }

    public static SlackView View(FormButtonValue form, ChatPlace place)
    {
        var blocks = new List<SlackBlock>();
        if (form.Text is { Length: > 0 } text) blocks.Add(new SlackSectionBlock(SlackText.Plain(BlockLimits.Plain(text, BlockLimits.SectionText))));
        foreach (var field in form.Fields)
        {
            var choices = field.Choices.Where(c => c.Length <= OptionValue).Take(Options)
                .Select(c => new SlackOption(SlackText.Plain(BlockLimits.Plain(c, OptionText)), c)).ToList();
            if (choices.Count > 0)
            {
                blocks.Add(new SlackInputBlock(SlackText.Plain(field.Label),
                    new SlackStaticSelect(field.Id + ChoiceSuffix, choices, Placeholder: SlackText.Plain("Choose")), Optional: true) { BlockId = field.Id + ChoiceSuffix });
            }
            // Typed text wins over a choice: a select cannot be cleared once something is chosen, a text input can.
            blocks.Add(new SlackInputBlock(SlackText.Plain(choices.Count > 0 ? "Or type one" : field.Label),
                new SlackPlainTextInput(field.Id, MaxLength: TypedLength), Optional: choices.Count > 0 ? true : null,
                field.Hint is { Length: > 0 } hint ? SlackText.Plain(hint) : null) { BlockId = field.Id });
        }
        return new SlackView(CallbackId,
            SlackText.Plain(BlockLimits.Plain(form.Title, TitleLength)),
            SlackText.Plain(BlockLimits.Plain(form.Submit, TitleLength)),
            SlackText.Plain("Cancel"),
            blocks,
            JsonSerializer.Serialize(new FormModalMetadata(form.Command, [.. form.Fields.Select(f => f.Id)], place.Channel, place.Thread), SlackJsonContext.Default.FormModalMetadata));
    }

    public async Task<SlackAck> SubmitAsync(InteractionPayload payload, CancellationToken cancellationToken)
    {
        var view = payload.View!;
        // The metadata is the bot's own, but a payload may still arrive without it or with parts of it null.
        if (SubmittedView.Metadata(view, SlackJsonContext.Default.FormModalMetadata) is not { Command: not null, Fields: not null, Channel: not null } metadata)
            return Errors(view.State?.Values?.Keys.LastOrDefault() ?? "", "This form no longer knows what it was for; click the button again.");

        var answers = new List<string>();
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var answered = metadata.Fields.Count > 0 ? metadata.Fields[^1] : "";
        foreach (var field in metadata.Fields)
        {
            var typed = SubmittedView.Value(view, field)?.Value?.Trim();
            var chosen = SubmittedView.Value(view, field + ChoiceSuffix)?.SelectedOption?.Value;
            var (answer, block) = !string.IsNullOrEmpty(typed) ? (typed, field)
                : !string.IsNullOrEmpty(chosen) ? (chosen, field + ChoiceSuffix)
                : (null, field);
            if (answer is null || answer.Any(char.IsWhiteSpace))
            {
                // Each answer is one word of the command (the core's form contract); the rest of its checks are the core's.
                errors[block] = answer is null ? "Choose one, or type one." : "Type one word, without spaces.";
                continue;
            }
            answers.Add(answer);
            answered = block;
        }
        if (errors.Count > 0) return Errors(errors);

        // Checked as if typed (the parser knows what a user id or an IP looks like); a submission delivered twice runs once.
        var actor = new Actor(SlackPlatform.Person(payload.User.Id), payload.User.Username ?? payload.User.Name);
        var accepted = await pipeline.AcceptAsync(new InboundEnvelope(actor, new ChatPlace(SlackPlatform.Name, metadata.Channel, metadata.Thread),
            string.Join(' ', [metadata.Command, .. answers]), $"slack:view:{view.Id}") { AnswerInAcknowledgement = true }, cancellationToken);
        return accepted.Outcome == InboundOutcome.Unavailable ? Errors(answered, InboundAnswer.TryAgain)
            : accepted.Error is { } error ? Errors(answered, error.Message) : SlackAck.Ok;
    }

    private static SlackAck Errors(string block, string message) =>
        Errors(new Dictionary<string, string>(StringComparer.Ordinal) { [block] = BlockLimits.Plain(message, 300) });

    private static SlackAck Errors(Dictionary<string, string> errors) =>
        new(200, JsonSerializer.SerializeToUtf8Bytes(new ViewErrorsResponse(errors), SlackJsonContext.Default.ViewErrorsResponse));
}
