using ChatOps.Core.Access;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;
using ChatOps.Core.Safety;
using ChatOps.Core.Work;

namespace ChatOps.Core.Chat;

/// <summary>
/// Posts a handler's messages through the surface of the platform they belong to, in order. A new root
/// message becomes the incident's thread; a root update replaces that message in place. Inside a work item every
/// delivery is journaled, so that a retried item delivers only what its earlier attempts did not.
/// </summary>
public sealed class ChatDelivery(IEnumerable<IChatSurface> surfaces, IIncidentStore store, IncidentChanger changer, IMessageJournal journal)
{
    private readonly Dictionary<string, IChatSurface> _surfaces = surfaces.ToDictionary(s => s.Platform, StringComparer.Ordinal);

    /// <summary>Posts <paramref name="messages"/> for a request <paramref name="requester"/> made at <paramref name="from"/> (where private answers go).</summary>
    public async Task DeliverAsync(IEnumerable<Outgoing> messages, Actor requester, ChatPlace from, CancellationToken cancellationToken)
    {
        var threads = new Dictionary<IncidentId, ChatPlace>();
        foreach (var unredacted in messages)
        {
            var outgoing = unredacted with { Message = MessageRedaction.Apply(unredacted.Message) };
            var incidentPlace = outgoing.Incident is { } i ? threads.GetValueOrDefault(i.Id, i.Place) : null;
            var surface = Surface(incidentPlace?.Platform ?? from.Platform);
            switch (outgoing.Audience)
            {
                case Audience.Requester:
                    await OnceAsync("private", from, outgoing.Message, requester.Id.ToString(), async () =>
                    {
                        await surface.PostPrivateAsync(from, requester.Id, outgoing.Message, cancellationToken);
                        return "";
                    }, cancellationToken);
                    break;
                case Audience.Channel:
                    var channel = (incidentPlace ?? from) with { Thread = null };
                    var root = await PostAsync(surface, channel, outgoing.Message, cancellationToken);
                    if (outgoing.Incident is { } declared) threads[declared.Id] = await AttachThreadAsync(declared, root, cancellationToken);
                    break;
                case Audience.Thread:
                    await PostAsync(surface, incidentPlace ?? from, outgoing.Message, cancellationToken);
                    break;
                case Audience.Root when incidentPlace?.Thread is { } rootId:
                    // Concurrent commands finish in any order; a card older than the stored incident would undo a newer one.
                    if ((await store.FindAsync(outgoing.Incident!.Id, cancellationToken))?.Version > outgoing.Incident.Version) break;
                    await UpdateAsync(surface, new PostedMessage(incidentPlace with { Thread = null }, rootId), outgoing.Message, cancellationToken);
                    break;
                case Audience.Root:
                    break; // An incident whose root message was never posted has nothing to update.
            }
        }
    }

    /// <summary>Posts straight into an incident's thread, for work that reports as it goes.</summary>
    public Task<PostedMessage> PostToThreadAsync(Incident incident, ChatMessage message, CancellationToken cancellationToken) =>
        PostAsync(Surface(incident.Place.Platform), incident.Place, MessageRedaction.Apply(message), cancellationToken);

    public Task UpdateAsync(PostedMessage posted, ChatMessage message, CancellationToken cancellationToken) =>
        UpdateAsync(Surface(posted.Place.Platform), posted, MessageRedaction.Apply(message), cancellationToken);

    private async Task<PostedMessage> PostAsync(IChatSurface surface, ChatPlace place, ChatMessage message, CancellationToken cancellationToken)
    {
        PostedMessage? posted = null;
        var id = await OnceAsync("post", place, message, "", async () =>
        {
            posted = await surface.PostAsync(place, message, cancellationToken);
            return posted.MessageId;
        }, cancellationToken);
        return posted ?? new PostedMessage(place, id);
    }

    private Task<string> UpdateAsync(IChatSurface surface, PostedMessage posted, ChatMessage message, CancellationToken cancellationToken) =>
        OnceAsync("update", posted.Place, message, posted.MessageId, async () =>
        {
            await surface.UpdateAsync(posted, message, cancellationToken);
            return "";
        }, cancellationToken);

    /// <summary>Sends unless this work item sent the same message to the same place before; returns the platform's message id.</summary>
    private async Task<string> OnceAsync(
        string what, ChatPlace place, ChatMessage message, string target, Func<Task<string>> send, CancellationToken cancellationToken)
    {
        if (WorkScope.Current is not { } scope) return await send();
        var key = scope.EffectKey(what, place.Platform, place.Channel, place.Thread ?? "", target, MessageContent.Of(message));
        if (await journal.FindAsync(key, cancellationToken) is { } sent) return sent;
        var id = await send();
        await journal.RecordAsync(key, id, cancellationToken);
        return id;
    }

    private async Task<ChatPlace> AttachThreadAsync(Incident incident, PostedMessage root, CancellationToken cancellationToken)
    {
        var current = await store.FindAsync(incident.Id, cancellationToken) ?? incident;
        var (updated, _) = await changer.ApplyAsync(current,
            i => IncidentChange.To(i with { Place = i.Place.WithThread(root.MessageId) }), cancellationToken);
        return updated?.Place ?? incident.Place.WithThread(root.MessageId);
    }

    private IChatSurface Surface(string platform) =>
        _surfaces.TryGetValue(platform, out var surface)
            ? surface
            : throw new InvalidOperationException($"No chat surface is registered for platform '{platform}'.");
}
