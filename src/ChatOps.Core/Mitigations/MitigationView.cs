using System.Globalization;
using ChatOps.Core.Chat;
using ChatOps.Core.Commands;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;

namespace ChatOps.Core.Mitigations;

/// <summary>The request message in the thread, rendered from the request's state each time it changes.</summary>
public sealed class MitigationView(IncidentClock clock)
{
    public ChatMessage Card(MitigationRequest request)
    {
        if (request.IsManual) return Manual(request);
        var status = RequestTransitions.Name(request.Status);
        var fields = new List<Field>
        {
            new("Requested by", Mention.Of(request.RequestedBy)),
            new("Status", status),
            new("Change", $"{request.Current} → {request.Planned}"),
            new("Why", request.Why),
            new("Approvals", string.Create(CultureInfo.InvariantCulture, $"{request.Approvers.Count}/{request.RequiredApprovals}")
                + (request.Approvers.Count > 0 ? " (" + string.Join(", ", request.Approvers.Select(a => Mention.Of(a))) + ")" : "")
                + (request.RequiredApprovals > 1 ? " · emergency only: two approvers" : "")),
        };
        if (request.Subject is { } subject) fields.Add(new Field("Subject", subject));
        if (request.Before is { } before && request.After is { } after) fields.Add(new Field("Before → after", $"{before.Description} → {after.Description}"));
        if (request.Error is { } error) fields.Add(new Field("Failed", error));
        if (request.DeniedBy is { } deniedBy) fields.Add(new Field("Denied by", $"{Mention.Of(deniedBy)}: {request.Reason}"));

        var blocks = new List<MessageBlock>
        {
            new HeaderBlock($"{(request.IsRevert ? "Revert request" : "Mitigation request")} {request.Name}: {request.Title}"),
            new FieldsBlock(fields),
        };
        switch (request.Status)
        {
            case RequestStatus.Pending:
                blocks.Add(new ContextBlock($"Expires {clock.Short(request.ExpiresAt)}. The requester cannot approve their own request."));
                blocks.Add(new ActionsBlock([
                    new Button("Approve", ButtonActions.Command, $"approve {request.Name}", ButtonStyle.Primary,
                        new Confirm($"Approve {request.Name}?", $"{request.Title}: {request.Current} → {request.Planned}", "Approve", "Cancel")),
                    new Button("Deny", ButtonActions.Command, $"deny {request.Name}", ButtonStyle.Danger),
                ]));
                break;
            case RequestStatus.Expired:
                blocks.Add(new ContextBlock($"Expired {clock.Short(request.ExpiresAt)} without a decision. Request it again if it is still needed."));
                break;
            case RequestStatus.Executed when !request.IsRevert:
                blocks.Add(new ActionsBlock([
                    new Button("Revert", ButtonActions.Command, $"revert {request.Name}", ButtonStyle.Danger,
                        new Confirm($"Request a revert of {request.Name}?", $"Restores {request.Before?.Description}; the revert needs approval too.", "Request revert", "Cancel")),
                ]));
                break;
        }
        return new ChatMessage($"{request.Name} {status}: {request.Title}", blocks);
    }

    private static ChatMessage Manual(MitigationRequest request)
    {
        var status = RequestTransitions.Name(request.Status);
        var fields = new List<Field>
        {
            new("Requested by", Mention.Of(request.RequestedBy)),
            new("Status", status),
            new("Steps", request.Planned),
            new("Why", request.Why),
        };
        if (request.Status == RequestStatus.Done && request.After is { } done) fields.Add(new Field("Done by", done.Description));
        var blocks = new List<MessageBlock> { new HeaderBlock($"Manual step {request.Name}: {request.Title}"), new FieldsBlock(fields) };
        if (request.Status == RequestStatus.Open)
        {
            blocks.Add(new ContextBlock("The bot changes nothing here, so nobody approves it: whoever does the work marks it done."));
            blocks.Add(new ActionsBlock([new Button("Mark done", ButtonActions.Command, $"done {request.Name}", ButtonStyle.Primary)]));
        }
        return new ChatMessage($"{request.Name} {status}: {request.Title}", blocks);
    }
}
