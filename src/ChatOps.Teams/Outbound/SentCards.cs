using System.Text;
using System.Text.Json.Nodes;
using ChatOps.Teams.Cards;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;

namespace ChatOps.Teams.Outbound;

/// <summary>
/// The card each message of the bot shows now, by conversation and activity id: a click on it is answered with that
/// card (the invoke response of Universal Actions replaces the clicked card for the person who clicked). Kept in the
/// host's <see cref="IDistributedCache"/> for <see cref="Kept"/>. A cache is a convenience here, never a record: what
/// cannot be kept or found is logged and answered without the card, and never fails the post that sent it.
/// </summary>
internal sealed partial class SentCards(IDistributedCache cache, ILogger<SentCards> logger)
{
    public static readonly TimeSpan Kept = TimeSpan.FromDays(1);

    private const string Prefix = "chatops:teams:card:";

    /// <summary>Remembers the card of <paramref name="activity"/> (a message activity with one card attachment).</summary>
    public async Task KeepAsync(string conversationId, string activityId, JsonObject activity, CancellationToken cancellationToken)
    {
        if (activity["attachments"]?[0]?["content"] is not JsonObject card) return;
        try
        {
            var json = Encoding.UTF8.GetBytes(card.ToJsonString(AdaptiveCard.JsonOptions));
            await cache.SetAsync(Key(conversationId, activityId), json, new DistributedCacheEntryOptions { SlidingExpiration = Kept }, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogNotKept(e, activityId);
        }
    }

    /// <summary>The card the message shows, or null when it is not known here.</summary>
    public async Task<JsonObject?> FindAsync(string conversationId, string activityId, CancellationToken cancellationToken)
    {
        try
        {
            return await cache.GetAsync(Key(conversationId, activityId), cancellationToken) is { } json ? JsonNode.Parse(json) as JsonObject : null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogNotFound(e, activityId);
            return null;
        }
    }

    private static string Key(string conversationId, string activityId) => $"{Prefix}{conversationId}:{activityId}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "The card of Teams message {ActivityId} could not be kept; a click on it is answered without it")]
    private partial void LogNotKept(Exception exception, string activityId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The card of Teams message {ActivityId} could not be read; the click is answered without it")]
    private partial void LogNotFound(Exception exception, string activityId);
}
