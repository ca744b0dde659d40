using ChatOps.Core.Access;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;
using ChatOps.Core.Safety;

namespace ChatOps.Core.Chat;

/// <summary>
/// Posts a handler's messages through the surface of the platform they belong to, in order. A new root
/// message becomes the incident's thread; a root update replaces that message in place.
/// </summary>
public sealed class ChatDelivery(IEnumerable<IChatSurface> surfaces, IIncidentStore store, IncidentChanger changer)
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
                    await surface.PostPrivateAsync(from, requester.Id, outgoing.Message, cancellationToken);
                    break;
                case Audience.Channel:
                    var channel = (incidentPlace ?? from) with { Thread = null };
                    var root = await surface.PostAsync(channel, outgoing.Message, cancellationToken);
                    if (outgoing.Incident is { } declared) threads[declared.Id] = await AttachThreadAsync(declared, root, cancellationToken);
                    break;
                case Audience.Thread:
                    await surface.PostAsync(incidentPlace ?? from, outgoing.Message, cancellationToken);
                    break;
                case Audience.Root when incidentPlace?.Thread is { } rootId:
                    // Concurrent commands finish in any order; a card older than the stored incident would undo a newer one.
                    if ((await store.FindAsync(outgoing.Incident!.Id, cancellationToken))?.Version > outgoing.Incident.Version) break;
                    await surface.UpdateAsync(new PostedMessage(incidentPlace with { Thread = null }, rootId), outgoing.Message, cancellationToken);
                    break;
                case Audience.Root:
                    break; // An incident whose root message was never posted has nothing to update.
            }
        }
    }

    /// <summary>Posts straight into an incident's thread, for work that reports as it goes.</summary>
    public Task<PostedMessage> PostToThreadAsync(Incident incident, ChatMessage message, CancellationToken cancellationToken) =>
        Surface(incident.Place.Platform).PostAsync(incident.Place, MessageRedaction.Apply(message), cancellationToken);

    public Task UpdateAsync(PostedMessage posted, ChatMessage message, CancellationToken cancellationToken) =>
        Surface(posted.Place.Platform).UpdateAsync(posted, MessageRedaction.Apply(message), cancellationToken);

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
