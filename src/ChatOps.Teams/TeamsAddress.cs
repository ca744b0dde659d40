using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatOps.Teams;

/// <summary>
/// How to reach a Teams chat place again, stored as <see cref="Core.Incidents.ChatPlace.Address"/> (the core never reads
/// it): botbuilder's conversation reference, cut to what the Connector needs. <see cref="ConversationId"/> is the
/// conversation without a reply chain's <c>;messageid=</c> suffix; the chain's root id is the place's thread.
/// </summary>
/// <param name="ServiceUrl">The Connector base the activity came from (trusted: it matched the token's <c>serviceurl</c> claim).</param>
/// <param name="ConversationId">The channel's or chat's conversation id, e.g. <c>19:…@thread.tacv2</c> or <c>a:…</c>.</param>
/// <param name="TenantId">The AAD tenant, needed to create a conversation (a new reply chain) as a single-tenant bot.</param>
/// <param name="ConversationType"><c>channel</c>, <c>groupChat</c> or <c>personal</c>: only a channel has reply chains.</param>
/// <param name="BotId">The bot's own id in this conversation (<c>28:…</c>), the <c>from</c> of what it sends.</param>
public sealed record TeamsAddress(string ServiceUrl, string ConversationId, string? TenantId, string? ConversationType, string? BotId)
{
    public string Serialize() => JsonSerializer.Serialize(this, TeamsAddressJsonContext.Default.TeamsAddress);

    public static bool TryParse(string? json, [NotNullWhen(true)] out TeamsAddress? address)
    {
        address = null;
        if (string.IsNullOrEmpty(json)) return false;
        try
        {
            address = JsonSerializer.Deserialize(json, TeamsAddressJsonContext.Default.TeamsAddress);
        }
        catch (JsonException)
        {
            return false;
        }
        return address is { ServiceUrl.Length: > 0, ConversationId.Length: > 0 };
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TeamsAddress))]
internal sealed partial class TeamsAddressJsonContext : JsonSerializerContext;
