using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace ChatOps.Core.Alerts;

/// <summary>
/// An alert group's id in chat, <c>ALERT-</c> and 16 hex digits of its group key's hash: the group key itself is long and
/// full of quotes, and a Declare button carries this instead.
/// </summary>
public readonly partial record struct AlertGroupId(string Value)
{
    public const string Prefix = "ALERT-";

    public static AlertGroupId Of(string groupKey) =>
        new(Prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(groupKey)), 0, 8));

    public static bool TryParse([NotNullWhen(true)] string? text, out AlertGroupId id)
    {
        id = default;
        if (text is null || !Pattern().IsMatch(text)) return false;
        id = new AlertGroupId(Prefix + text[Prefix.Length..].ToLowerInvariant());
        return true;
    }

    public override string ToString() => Value;

    [GeneratedRegex("^ALERT-[0-9a-f]{16}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
