using System.Globalization;
using System.Text.Json;
using ChatOps.Core.Access;
using ChatOps.Core.Chat;
using ChatOps.Core.Checks;
using ChatOps.Core.Commands.Handlers;
using ChatOps.Core.Incidents;
using ChatOps.Core.Work;
using Microsoft.Extensions.Logging;

namespace ChatOps.Core.Mitigations;

/// <summary>
/// Every step of a request in the three places it must show: the timeline (and so the postmortem), the audit,
/// and the request message in the thread, kept current.
/// </summary>
public sealed partial class MitigationRecords(IIncidentStore incidents, IMitigationStore requests, TimelineEvents events, ChatDelivery chat, MitigationView view, TimeProvider time, ILogger<MitigationRecords> logger)
{
    public AuditEntry Audit(MitigationRequest request, Actor actor, string action, string outcome) =>
        new(time.GetUtcNow(), actor.Id, request.Incident, request.Id, action, outcome, Json(request.Before), Json(request.After));

    /// <summary>Audits an attempt that was refused, with who tried and why; the request itself is unchanged.</summary>
    public Task RefusedAsync(MitigationRequest request, Actor actor, string action, string reason, CancellationToken cancellationToken) =>
        requests.AppendAuditAsync([new AuditEntry(time.GetUtcNow(), actor.Id, request.Incident, request.Id, action, "refused: " + reason)], cancellationToken);

    public async Task TimelineAsync(Incident incident, Actor actor, TimelineKind kind, string text, MitigationRequest request, CancellationToken cancellationToken) =>
        await incidents.AppendAsync([events.New(incident, actor, kind, text,
            ("request", request.Name), ("title", request.Title), ("runbook", request.Runbook), ("mitigation", request.Mitigation),
            ("before", request.Before?.Description), ("after", request.After?.Description))], cancellationToken);

    /// <summary>Stores a new request, puts it on the timeline and posts its message for approval.</summary>
    public async Task<MitigationRequest> OpenAsync(Incident incident, Actor actor, MitigationRequest draft, string auditAction, CancellationToken cancellationToken)
    {
        draft = draft with
        {
            Effect = WorkScope.Current?.EffectKey("request", incident.Id.ToString(), draft.Runbook, draft.Mitigation, draft.Subject ?? "",
                draft.RevertOf?.ToString(CultureInfo.InvariantCulture) ?? ""),
        };
        var request = await requests.CreateAsync(draft, id => new AuditEntry(draft.RequestedAt, actor.Id, incident.Id, id, auditAction, RequestTransitions.Name(draft.Status)), cancellationToken);
        var what = request.IsManual ? $"manual step: {request.Planned}" : $"{request.Current} → {request.Planned}";
        await TimelineAsync(incident, actor, TimelineKind.MitigationRequested, $"{request.Name} requested: {request.Title} ({what})", request, cancellationToken);
        await ShowAsync(incident, request, cancellationToken);
        return request;
    }

    /// <summary>
    /// Posts the request message, or replaces it with the request's latest stored state (a card rendered from an older
    /// snapshot would undo a newer one). Best effort: the store already holds the truth, so a chat failure is logged.
    /// </summary>
    public async Task ShowAsync(Incident incident, MitigationRequest request, CancellationToken cancellationToken)
    {
        var latest = await requests.FindAsync(request.Id, cancellationToken) ?? request;
        try
        {
            if (latest.MessageId is { } id)
            {
                // The request message is a reply in the incident's thread: Teams updates a reply within its reply chain.
                await chat.UpdateAsync(new PostedMessage(incident.Place, id), view.Card(latest), cancellationToken);
                return;
            }
            var posted = await chat.PostToThreadAsync(incident, view.Card(latest), cancellationToken);
            // Only the message id changes here; when another writer stored a newer state first, try again on it.
            for (var current = latest; current is { MessageId: null };)
            {
                if (await requests.TryUpdateAsync(current with { MessageId = posted.MessageId, Version = current.Version + 1 }, [], cancellationToken)) return;
                current = await requests.FindAsync(request.Id, cancellationToken);
            }
        }
        catch (ChatSurfaceException e)
        {
            LogChatFailed(e, request.Name);
        }
    }

    public async Task PostAsync(Incident incident, Messages.ChatMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await chat.PostToThreadAsync(incident, message, cancellationToken);
        }
        catch (ChatSurfaceException e)
        {
            LogChatFailed(e, message.Summary);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chat did not take the message for {Subject}; the store holds its state")]
    private partial void LogChatFailed(Exception exception, string subject);

    private static string? Json(MitigationState? state) =>
        state is null ? null : JsonSerializer.Serialize(state.Values.ToDictionary(), MitigationJson.Default.DictionaryStringString);
}
