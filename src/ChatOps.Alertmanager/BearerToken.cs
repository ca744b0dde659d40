using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace ChatOps.Alertmanager;

/// <summary>
/// Checks <c>Authorization: Bearer &lt;token&gt;</c> (RFC 6750) against the configured token in constant time: both are
/// hashed first, so neither the content nor the length of the token leaks through how long a refusal takes.
/// </summary>
internal static class BearerToken
{
    public static bool Matches(string? authorization, string? expected)
    {
        if (string.IsNullOrEmpty(expected) || !AuthenticationHeaderValue.TryParse(authorization, out var header)
            || !"Bearer".Equals(header.Scheme, StringComparison.OrdinalIgnoreCase) || header.Parameter is not { Length: > 0 } presented)
            return false;
        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
    }
}
