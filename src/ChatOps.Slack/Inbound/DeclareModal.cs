using System.Text.Json;
using ChatOps.Core.Access;
using ChatOps.Core.Checks;
using ChatOps.Core.Commands;
using ChatOps.Core.Commands.Handlers;
using ChatOps.Core.Inbound;
using ChatOps.Core.Incidents;
using ChatOps.Slack.Outbound;
using ChatOps.Slack.Wire;

namespace ChatOps.Slack.Inbound;

/// <summary>
/// <c>/incident declare</c> without a title: a modal asks for title, severity and description, and its
/// view_submission declares. Mistakes are shown in the modal (<c>response_action: errors</c>), which stays open.
/// </summary>
internal sealed class DeclareModal(
    SlackApiClient client,
    InboundPipeline pipeline,
    TimeProvider time)
{
    public const string CallbackId = "incident.declare";
    public const string Title = "title";
    public const string SeverityField = "severity";
    public const string Description = "description";

    /// <summary>A trigger_id expires 3 seconds after the command was typed; a form that cannot open by then never will.</summary>
    private static readonly TimeSpan OpenTimeout = TimeSpan.FromSeconds(2.5);

    public async Task<string?> OpenAsync(string triggerId, string channel, Severity severity, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(OpenTimeout, time);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await client.OpenViewAsync(new OpenViewRequest(triggerId, View(channel, severity)), deadline.Token);
            return null;
        }
        catch (SlackApiException e)
        {
            return $"The declare form did not open ({e.Error}). Write /incident declare [sev1-4] <title> instead.";
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return "The declare form did not open in time. Write /incident declare [sev1-4] <title> instead.";
        }
    }

    public static SlackView View(string channel, Severity initial)
    {
        var choices = Enum.GetValues<Severity>().Select(s => new SlackOption(SlackText.Plain(s.Label()), s.Label().ToLowerInvariant())).ToList();
        return new SlackView(
            CallbackId,
            SlackText.Plain("Declare an incident"),
            SlackText.Plain("Declare"),
            SlackText.Plain("Cancel"),
            [
                new SlackInputBlock(SlackText.Plain("Title"),
                    new SlackPlainTextInput(Title, MaxLength: DeclareIncident.MaxTitle, Placeholder: SlackText.Plain("What is broken, in one line"))) { BlockId = Title },
                new SlackInputBlock(SlackText.Plain("Severity"),
                    new SlackStaticSelect(SeverityField, choices, choices[(int)initial - 1])) { BlockId = SeverityField },
                new SlackInputBlock(SlackText.Plain("Description"),
                    new SlackPlainTextInput(Description, Multiline: true, MaxLength: 3000), Optional: true) { BlockId = Description },
            ],
            JsonSerializer.Serialize(new ModalMetadata(channel), SlackJsonContext.Default.ModalMetadata));
    }

    public async Task<SlackAck> SubmitAsync(InteractionPayload payload, CancellationToken cancellationToken)
    {
        var view = payload.View!;
        var title = SubmittedView.Value(view, Title)?.Value?.Trim();
        var severityText = SubmittedView.Value(view, SeverityField)?.SelectedOption?.Value;
        var description = SubmittedView.Value(view, Description)?.Value?.Trim();
        var channel = SubmittedView.Metadata(view, SlackJsonContext.Default.ModalMetadata)?.Channel;

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(title)) errors[Title] = "An incident needs a title.";
        else if (title.Length > DeclareIncident.MaxTitle) errors[Title] = $"Keep the title to {DeclareIncident.MaxTitle} characters; put the detail in the description.";
        else if (channel is null) errors[Title] = "This form no longer knows its channel; run /incident declare again.";
        // Any severity is accepted from anyone: a SEV1 or SEV2 from a non-manager is declared and awaits a manager's confirmation.
        if (!SeverityText.TryParse(severityText, out var severity)) errors[SeverityField] = "Choose SEV1 to SEV4.";
        if (errors.Count > 0) return new SlackAck(200, JsonSerializer.SerializeToUtf8Bytes(new ViewErrorsResponse(errors), SlackJsonContext.Default.ViewErrorsResponse));

        // A submission delivered twice declares once (its view id is the delivery); an empty 200 closes the modal.
        var actor = new Actor(SlackPlatform.Person(payload.User!.Id), payload.User.Username ?? payload.User.Name);
        var answer = await pipeline.AcceptAsync(new InboundEnvelope(actor, new ChatPlace(SlackPlatform.Name, channel!),
            $"declare {severity.Label().ToLowerInvariant()} {title!.ReplaceLineEndings(" ")}", $"slack:view:{view.Id}")
        {
            Description = string.IsNullOrEmpty(description) ? null : description,
        }, cancellationToken);
        // The form stays open with the person's text in it, so that submitting again is all it takes.
        return answer.Outcome == InboundOutcome.Unavailable
            ? new SlackAck(200, JsonSerializer.SerializeToUtf8Bytes(
                new ViewErrorsResponse(new Dictionary<string, string>(StringComparer.Ordinal) { [Title] = InboundAnswer.TryAgain }),
                SlackJsonContext.Default.ViewErrorsResponse))
            : SlackAck.Ok;
    }
}
