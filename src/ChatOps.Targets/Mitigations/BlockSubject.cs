using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using ChatOps.Core.Mitigations;

namespace ChatOps.Targets.Mitigations;

/// <summary>
/// Who a block names: an IPv4 or IPv6 address (IPv6 written in its canonical RFC 5952 form) or a user id of letters,
/// digits and <c>. _ @ -</c>. Nothing else reaches a Redis key: no spaces, no glob characters, no empty subject.
/// </summary>
internal static partial class BlockSubject
{
    public static string Normalize(string? subject)
    {
        var text = subject?.Trim() ?? "";
        if (text.Length == 0) throw new MitigationFailedException("say whom to block: a user id or an IP address");
        if (text.All(c => char.IsAsciiDigit(c) || c == '.') && text.Contains('.', StringComparison.Ordinal))
        {
            // Leading zeros are refused: some parsers read them as octal (010 = 8).
            return DottedQuad().IsMatch(text) && IPAddress.TryParse(text, out var v4) && v4.AddressFamily == AddressFamily.InterNetwork
                ? v4.ToString()
                : throw new MitigationFailedException($"'{text}' is not a valid IPv4 address");
        }
        if (text.Contains(':', StringComparison.Ordinal))
        {
            return !text.Contains('%', StringComparison.Ordinal) && IPAddress.TryParse(text, out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6
                ? v6.ToString()
                : throw new MitigationFailedException($"'{text}' is not a valid IPv6 address");
        }
        return UserId().IsMatch(text)
            ? text
            : throw new MitigationFailedException($"'{Cut(text)}' is neither an IP address nor a user id (letters, digits and . _ @ -, at most 128)");
    }

    private static string Cut(string text) => text.Length <= 40 ? text : text[..40] + "…";

    [GeneratedRegex(@"^(0|[1-9][0-9]{0,2})(\.(0|[1-9][0-9]{0,2})){3}$", RegexOptions.CultureInvariant)]
    private static partial Regex DottedQuad();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._@-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex UserId();
}
