using System.Text.Json;
using ChatOps.Core.Incidents;

namespace ChatOps.Teams.Outbound;

/// <summary>
/// Where a Teams conversation is reached, as the inbound side stores it in <see cref="ChatPlace.Address"/>:
/// <c>{"serviceUrl":"https://smba.trafficmanager.net/emea/","conversationId":"19:…@thread.tacv2","tenantId":"…"}</c>.
/// The conversation id is the channel's or chat's, without <c>;messageid=</c>.
/// </summary>
internal sealed record TeamsAddress(Uri ServiceUrl, string ConversationId, string? TenantId)
{
    /// <summary>
    /// True for a channel (<c>19:…@thread.tacv2</c>, or <c>@thread.skype</c> in older teams), where a new post is a
    /// new reply chain; a group or personal chat has no reply chains.
    /// </summary>
    public bool IsChannel => ConversationId.EndsWith("@thread.tacv2", StringComparison.Ordinal) || ConversationId.EndsWith("@thread.skype", StringComparison.Ordinal);

    /// <summary>Reads the address tolerantly (any case of the names, unknown fields ignored); a place without a usable one is refused.</summary>
    public static TeamsAddress Of(ChatPlace place)
    {
        string? serviceUrl = null, conversationId = null, tenantId = null;
        try
        {
            using var document = JsonDocument.Parse(place.Address ?? "");
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    if (property.Value.ValueKind != JsonValueKind.String) continue;
                    if (property.Name.Equals("serviceUrl", StringComparison.OrdinalIgnoreCase)) serviceUrl = property.Value.GetString();
                    else if (property.Name.Equals("conversationId", StringComparison.OrdinalIgnoreCase)) conversationId = property.Value.GetString();
                    else if (property.Name.Equals("tenantId", StringComparison.OrdinalIgnoreCase)) tenantId = property.Value.GetString();
                }
            }
        }
        catch (JsonException)
        {
            // Reported below, with what the place is.
        }
        // The bot's token goes to this URL: only an https one, as Teams hands out (https://smba.trafficmanager.net/…).
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps)
            throw new TeamsConnectorException($"The Teams place {place.Channel} has no https serviceUrl in its address; the bot must hear from it first.");
        if (string.IsNullOrWhiteSpace(conversationId)) conversationId = place.Channel;
        var marker = conversationId.IndexOf(";messageid=", StringComparison.Ordinal);
        if (marker >= 0) conversationId = conversationId[..marker];
        if (!url.AbsoluteUri.EndsWith('/')) url = new Uri(url.AbsoluteUri + "/");
        return new TeamsAddress(url, conversationId, string.IsNullOrWhiteSpace(tenantId) ? null : tenantId);
    }
}
