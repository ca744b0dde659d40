using ChatOps.Core.Incidents;

namespace ChatOps.Teams.Outbound;

/// <summary>
/// A stored <see cref="TeamsAddress"/> made ready for the Bot Connector: an https base URL ending in a slash, and the
/// conversation id without a reply chain's <c>;messageid=</c> suffix.
/// </summary>
internal sealed record ConnectorAddress(Uri ServiceUrl, string ConversationId, string? TenantId, string? ConversationType)
{
    /// <summary>
    /// True for a channel, where a new post is a new reply chain; a group or personal chat has no reply chains. Told by
    /// the conversation type Teams gave, else by the id's shape (<c>19:…@thread.tacv2</c>, <c>@thread.skype</c> in older teams).
    /// </summary>
    public bool IsChannel => ConversationType is { } type
        ? type.Equals("channel", StringComparison.OrdinalIgnoreCase)
        : ConversationId.EndsWith("@thread.tacv2", StringComparison.Ordinal) || ConversationId.EndsWith("@thread.skype", StringComparison.Ordinal);

    /// <summary>The place's address, or a clear refusal when it has none the bot may send to.</summary>
    public static ConnectorAddress Of(ChatPlace place)
    {
        // The bot's token goes to this URL: only an https one, as Teams hands out (https://smba.trafficmanager.net/…).
        if (!TeamsAddress.TryParse(place.Address, out var stored)
            || !Uri.TryCreate(stored.ServiceUrl, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps)
            throw new TeamsConnectorException($"The Teams place {place.Channel} has no https serviceUrl in its address; the bot must hear from it first.");
        var conversationId = stored.ConversationId;
        var marker = conversationId.IndexOf(";messageid=", StringComparison.Ordinal);
        if (marker >= 0) conversationId = conversationId[..marker];
        if (!url.AbsoluteUri.EndsWith('/')) url = new Uri(url.AbsoluteUri + "/");
        return new ConnectorAddress(url, conversationId, string.IsNullOrWhiteSpace(stored.TenantId) ? null : stored.TenantId, stored.ConversationType);
    }
}
