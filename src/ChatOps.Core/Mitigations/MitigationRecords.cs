using System.Text.Json;
using ChatOps.Core.Access;
using ChatOps.Core.Chat;
using ChatOps.Core.Commands.Handlers;
using ChatOps.Core.Incidents;
using ChatOps.Core.Timeline;

namespace ChatOps.Core.Mitigations;

/// <summary>
/// Every step of a request in the three places it must show: the timeline (and so the postmortem), the audit,
/// and the request message in the thread, kept current.
/// </summary>
public sealed class MitigationRecords(IIncidentStore incidents, IMitigationStore requests, IncidentChanger changer, ChatDelivery chat, MitigationView view, TimeProvider time)
{
    public AuditEntry Audit(MitigationRequest request, Actor actor, string action, string outcome) =>
        new(time.GetUtcNow(), actor.Id, request.Incident, request.Id, action, outcome, Json(request.Before), Json(request.After));

    public async Task TimelineAsync(Incident incident, Actor actor, TimelineKind kind, string text, MitigationRequest request, CancellationToken cancellationToken) =>
        await incidents.AppendAsync([changer.Event(incident, actor, kind, text,
            ("request", request.Name), ("runbook", request.Runbook), ("mitigation", request.Mitigation),
            ("before", request.Before?.Description), ("after", request.After?.Description))], cancellationToken);

    /// <summary>Stores a new request, puts it on the timeline and posts its message for approval.</summary>
    public async Task<MitigationRequest> OpenAsync(Incident incident, Actor actor, MitigationRequest draft, string auditAction, CancellationToken cancellationToken)
    {
        var request = await requests.CreateAsync(draft, id => new AuditEntry(draft.RequestedAt, actor.Id, incident.Id, id, auditAction, "pending"), cancellationToken);
        await TimelineAsync(incident, actor, TimelineKind.MitigationRequested, $"{request.Name} requested: {request.Title} ({request.Current} → {request.Planned})", request, cancellationToken);
        await ShowAsync(incident, request, cancellationToken);
        return request;
    }

    /// <summary>Posts the request message, or replaces it with the request's current state.</summary>
    public async Task ShowAsync(Incident incident, MitigationRequest request, CancellationToken cancellationToken)
    {
        if (request.MessageId is { } id)
        {
            await chat.UpdateAsync(new PostedMessage(incident.Place with { Thread = null }, id), view.Card(request), cancellationToken);
            return;
        }
        var posted = await chat.PostToThreadAsync(incident, view.Card(request), cancellationToken);
        // Only the message id changes here; a lost race means a newer state was stored, which carries no id yet, so retry.
        for (var current = request; current is not null;)
        {
            if (await requests.TryUpdateAsync(current with { MessageId = posted.MessageId, Version = current.Version + 1 }, [], cancellationToken)) return;
            current = await requests.FindAsync(request.Id, cancellationToken);
            if (current?.MessageId is not null) return;
        }
    }

    public Task PostAsync(Incident incident, Messages.ChatMessage message, CancellationToken cancellationToken) =>
        chat.PostToThreadAsync(incident, message, cancellationToken);

    private static string? Json(MitigationState? state) =>
        state is null ? null : JsonSerializer.Serialize(state.Values.ToDictionary(), MitigationJson.Default.DictionaryStringString);
}
