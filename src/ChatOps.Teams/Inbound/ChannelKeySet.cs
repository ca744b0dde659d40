using System.Collections;
using System.Text.Json;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace ChatOps.Teams.Inbound;

/// <summary>
/// One reading of the channel's metadata: the signing keys, and for each key id the channels it is endorsed for. The
/// JWKS carries the endorsements as a non-standard <c>endorsements</c> array on each key, which IdentityModel keeps in
/// <see cref="JsonWebKey.AdditionalData"/>.
/// </summary>
internal sealed record ChannelKeySet(
    IReadOnlyList<SecurityKey> SigningKeys,
    IReadOnlyDictionary<string, IReadOnlySet<string>> Endorsements,
    DateTimeOffset RefreshAfter)
{
    public const string EndorsementsProperty = "endorsements";

    public int Count => SigningKeys.Count;

    public bool Has(string keyId) => SigningKeys.Any(k => string.Equals(k.KeyId, keyId, StringComparison.Ordinal));

    /// <summary>The channels the key is endorsed for; empty for a key without endorsements (never a Teams key).</summary>
    public IReadOnlySet<string> EndorsementsOf(string? keyId) =>
        keyId is not null && Endorsements.TryGetValue(keyId, out var channels) ? channels : new HashSet<string>();

    public static ChannelKeySet From(OpenIdConnectConfiguration configuration, DateTimeOffset refreshAfter)
    {
        var endorsements = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var key in configuration.JsonWebKeySet?.Keys ?? [])
        {
            if (key.Kid is { Length: > 0 } kid && key.AdditionalData.TryGetValue(EndorsementsProperty, out var value))
                endorsements[kid] = Channels(value);
        }
        return new ChannelKeySet([.. configuration.SigningKeys], endorsements, refreshAfter);
    }

    // IdentityModel's JSON reader keeps an unknown array as a list of objects; a JsonElement is read too in case that changes.
    private static HashSet<string> Channels(object? value) => value switch
    {
        JsonElement { ValueKind: JsonValueKind.Array } array => [.. array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)],
        string single => [single],
        IEnumerable items => [.. items.Cast<object?>().Select(i => i switch { JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(), _ => i as string }).OfType<string>()],
        _ => [],
    };
}
