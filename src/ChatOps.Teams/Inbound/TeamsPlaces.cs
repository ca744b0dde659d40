using ChatOps.Core.Incidents;
using ChatOps.Teams.Inbound.Wire;

namespace ChatOps.Teams.Inbound;

/// <summary>
/// Where an activity happened, as the core's chat place: the Teams channel (or chat), the reply chain's root message
/// as the thread, and the <see cref="TeamsAddress"/> the outbound side replies through.
/// </summary>
internal static class TeamsPlaces
{
    /// <summary>In a channel's reply chain, <c>conversation.id</c> is <c>&lt;channel id&gt;;messageid=&lt;root message id&gt;</c>.</summary>
    public const string ThreadSuffix = ";messageid=";

    public const string Channel = "channel";

    /// <param name="clickedMessageId">
    /// The message a card action came from (<c>replyToId</c>): a click on a channel's root message acts in its reply chain.
    /// </param>
    public static ChatPlace? Of(TeamsActivity activity, string? clickedMessageId = null)
    {
        if (activity.Conversation?.Id is not { Length: > 0 } id || activity.ServiceUrl is not { Length: > 0 } serviceUrl) return null;
        var (conversation, root) = Split(id);
        var type = activity.Conversation.ConversationType;
        var thread = root ?? (type == Channel && !string.IsNullOrEmpty(clickedMessageId) ? clickedMessageId : null);
        var channel = activity.ChannelData?.Channel?.Id is { Length: > 0 } channelId ? channelId : conversation;
        var tenant = activity.Conversation.TenantId ?? activity.ChannelData?.Tenant?.Id;
        var address = new TeamsAddress(serviceUrl, conversation, tenant, type, activity.Recipient?.Id);
        return new ChatPlace(TeamsPlatform.Name, channel, thread, address.Serialize());
    }

    public static (string Conversation, string? Root) Split(string conversationId)
    {
        var at = conversationId.IndexOf(ThreadSuffix, StringComparison.OrdinalIgnoreCase);
        if (at < 0) return (conversationId, null);
        var root = conversationId[(at + ThreadSuffix.Length)..];
        return (conversationId[..at], root.Length == 0 ? null : root);
    }
}
