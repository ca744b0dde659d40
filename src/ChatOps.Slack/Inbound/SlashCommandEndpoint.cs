using ChatOps.Core.Access;
using ChatOps.Core.Commands;
using ChatOps.Core.Inbound;
using ChatOps.Core.Incidents;
using Microsoft.AspNetCore.Http;

namespace ChatOps.Slack.Inbound;

/// <summary>
/// <c>POST /slack/commands</c> (and Socket Mode's <c>slash_commands</c>). Slack waits 3 seconds for the
/// acknowledgement, so only quick reads and user errors are answered in it (ephemerally); every change is handed to
/// the inbound pipeline and posts into the incident's thread from the background.
/// </summary>
internal sealed class SlashCommandEndpoint(SlackRequestReader reader, InboundPipeline pipeline, DeclareModal modal)
{
    public async Task<IResult> HandleAsync(HttpContext http)
    {
        var cancellationToken = http.RequestAborted;
        var body = await reader.ReadVerifiedAsync(http.Request, cancellationToken);
        if (body is null) return Results.Unauthorized();
        // A replay of a signed request inside its 5-minute window carries the same signature (and trigger id).
        var signature = http.Request.Headers[SlackSignature.SignatureHeader].ToString();
        return (await AcceptAsync(SlackForm.Parse(body), signature, cancellationToken)).ToResult();
    }

    /// <param name="form">The command's fields, as the HTTP form or Socket Mode's payload carries them.</param>
    /// <param name="deliveryId">What identifies this delivery when Slack gives no trigger id (the signature, the envelope id).</param>
    public async Task<SlackAck> AcceptAsync(IReadOnlyDictionary<string, string> form, string deliveryId, CancellationToken cancellationToken)
    {
        // Slack checks the certificate of a command's URL now and then with a bare ssl_check request.
        if (form.GetValueOrDefault("ssl_check") == "1") return SlackAck.Ok;
        var user = form.GetValueOrDefault("user_id");
        var channel = form.GetValueOrDefault("channel_id");
        if (!SlackPlatform.TryPerson(user, out var person) || string.IsNullOrEmpty(channel)) return SlackAck.BadRequest;

        var trigger = form.GetValueOrDefault("trigger_id");
        var text = SlackInboundText.ToCore(form.GetValueOrDefault("text", string.Empty));
        var envelope = new InboundEnvelope(
            new Actor(person, form.GetValueOrDefault("user_name")),
            new ChatPlace(SlackPlatform.Name, channel),
            text,
            $"slack:command:{(string.IsNullOrEmpty(trigger) ? deliveryId : trigger)}") { AnswerInAcknowledgement = true };
        var answer = await pipeline.AcceptAsync(envelope, cancellationToken);
        if (answer.Error?.Code == CommandErrorCode.MissingTitle && !string.IsNullOrEmpty(trigger))
        {
            var failure = await modal.OpenAsync(trigger, channel, SeverityNamed(text), cancellationToken);
            return failure is null ? SlackAck.Ok : EphemeralReply.Text(failure);
        }
        // Slack never retries a slash command: the person is told to, privately.
        return answer.Outcome switch
        {
            InboundOutcome.Answered => EphemeralReply.From(answer.Reply!),
            InboundOutcome.Unavailable => EphemeralReply.Text(InboundAnswer.TryAgain),
            _ => SlackAck.Ok,
        };
    }

    /// <summary>The severity in <c>declare sev2</c> (typed without a title), to preselect it in the form.</summary>
    private static Severity SeverityNamed(string text) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(t => SeverityText.TryParse(t, out var s) ? s : (Severity?)null)
            .FirstOrDefault(s => s is not null) ?? Severity.Sev3;
}
