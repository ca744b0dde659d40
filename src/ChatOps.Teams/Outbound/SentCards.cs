using System.Text.Json.Nodes;
using ChatOps.Teams.Cards;

namespace ChatOps.Teams.Outbound;

/// <summary>
/// The card each message of the bot shows now, by conversation and activity id: a click on it is answered with that
/// card (the invoke response of Universal Actions replaces the clicked card for the person who clicked). A card not
/// kept (expired, or sent by a replica whose cache this one does not share) is answered without it.
/// </summary>
internal sealed class SentCards(TeamsCache cache)
{
    public static readonly TimeSpan Kept = TimeSpan.FromDays(1);

    /// <summary>Remembers the card of <paramref name="activity"/> (a message activity with one card attachment).</summary>
    public Task KeepAsync(string conversationId, string activityId, JsonObject activity, CancellationToken cancellationToken) =>
        activity["attachments"]?[0]?["content"] is JsonObject card
            ? cache.SetAsync(Key(conversationId, activityId), card.ToJsonString(AdaptiveCard.JsonOptions), Kept, cancellationToken)
            : Task.CompletedTask;

    /// <summary>The card the message shows, or null when it is not known here.</summary>
    public async Task<JsonObject?> FindAsync(string conversationId, string activityId, CancellationToken cancellationToken) =>
        await cache.GetAsync(Key(conversationId, activityId), cancellationToken) is { } json ? JsonNode.Parse(json) as JsonObject : null;

    private static string Key(string conversationId, string activityId) => $"card:{conversationId}:{activityId}";
}
