using ChatOps.Core.Access;
using ChatOps.Core.Commands;
using ChatOps.Core.Incidents;
using ChatOps.Core.Work;
using ChatOps.Slack.Outbound;
using ChatOps.Slack.Work;
using Microsoft.AspNetCore.Http;

namespace ChatOps.Slack.Inbound;

/// <summary>
/// <c>POST /slack/commands</c>. Slack waits 3 seconds for the acknowledgement, so only quick reads and user errors
/// are answered in it (ephemerally); every change runs as background work that posts into the incident's thread.
/// </summary>
internal sealed class SlashCommandEndpoint(
    SlackRequestReader reader,
    CommandDispatcher dispatcher,
    IncidentResolver resolver,
    DeclareModal modal,
    IWorkQueue queue)
{
    public async Task<IResult> HandleAsync(HttpContext http)
    {
        var cancellationToken = http.RequestAborted;
        var body = await reader.ReadVerifiedAsync(http.Request, cancellationToken);
        if (body is null) return Results.Unauthorized();

        var form = SlackForm.Parse(body);
        // Slack checks the certificate of a command's URL now and then with a bare ssl_check request.
        if (form.GetValueOrDefault("ssl_check") == "1") return Results.Ok();
        var user = form.GetValueOrDefault("user_id");
        var channel = form.GetValueOrDefault("channel_id");
        if (string.IsNullOrEmpty(user) || string.IsNullOrEmpty(channel)) return Results.BadRequest();

        var text = SlackInboundText.Unescape(form.GetValueOrDefault("text", string.Empty));
        var context = new CommandContext(new Actor(user, form.GetValueOrDefault("user_name")), new ChatPlace(SlackChatSurface.PlatformName, channel));
        var parsed = CommandParser.Parse(text);
        if (!parsed.Succeeded)
        {
            if (parsed.Error.Code == CommandErrorCode.MissingTitle && form.GetValueOrDefault("trigger_id") is { Length: > 0 } trigger)
            {
                var failure = await modal.OpenAsync(trigger, channel, SeverityNamed(text), cancellationToken);
                return failure is null ? Results.Ok() : EphemeralReply.Text(failure);
            }
            return EphemeralReply.From(CommandResult.Reject(parsed.Error));
        }

        var command = parsed.Command;
        var spec = CommandTable.SpecOf(command);
        if (spec.ReadOnly) return EphemeralReply.From(await dispatcher.DispatchAsync(command, context, cancellationToken));

        // An incident that cannot be found is a user error: say so now rather than from the background. Only verbs
        // that act on an incident find one; approve, deny and revert find theirs through the request.
        if (spec.NamesIncident && (await resolver.ResolveAsync(command, context, cancellationToken)).Error is { } error)
            return EphemeralReply.From(CommandResult.Reject(error));

        await queue.EnqueueAsync(SlackCommandWork.Item(text, context), cancellationToken);
        return Results.Ok();
    }

    /// <summary>The severity in <c>declare sev2</c> (typed without a title), to preselect it in the form.</summary>
    private static Severity SeverityNamed(string text) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(t => SeverityText.TryParse(t, out var s) ? s : (Severity?)null)
            .FirstOrDefault(s => s is not null) ?? Severity.Sev3;
}
