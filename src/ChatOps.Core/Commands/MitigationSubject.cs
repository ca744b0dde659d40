using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace ChatOps.Core.Commands;

/// <summary>
/// Whom a mitigation acts on (a block): an IPv4 or IPv6 address (IPv6 written in its canonical RFC 5952 form) or a user
/// id of letters, digits and <c>. _ @ -</c>. The grammar checks it, so a typed command, a form's answer and the executor
/// that writes it into a Redis key all hold the same rule: no spaces, no glob characters, no empty subject.
/// </summary>
public static partial class MitigationSubject
{
    private const string Missing = "say whom to block: a user id or an IP address";

    public static bool TryNormalize(string? text, [NotNullWhen(true)] out string? subject, [NotNullWhen(false)] out string? error)
    {
        subject = null;
        error = Check(text?.Trim() ?? "", out var normalized);
        if (error is not null) return false;
        subject = normalized!;
        return true;
    }

    private static string? Check(string text, out string? normalized)
    {
        normalized = null;
        if (text.Length == 0) return Missing;
        if (text.All(c => char.IsAsciiDigit(c) || c == '.') && text.Contains('.', StringComparison.Ordinal))
        {
            // Leading zeros are refused: some parsers read them as octal (010 = 8).
            if (!DottedQuad().IsMatch(text) || !IPAddress.TryParse(text, out var v4) || v4.AddressFamily != AddressFamily.InterNetwork)
                return $"'{text}' is not a valid IPv4 address";
            normalized = v4.ToString();
            return null;
        }
        if (text.Contains(':', StringComparison.Ordinal))
        {
            if (text.Contains('%', StringComparison.Ordinal) || !IPAddress.TryParse(text, out var v6) || v6.AddressFamily != AddressFamily.InterNetworkV6)
                return $"'{text}' is not a valid IPv6 address";
            normalized = v6.ToString();
            return null;
        }
        if (!UserId().IsMatch(text)) return $"'{Cut(text)}' is neither an IP address nor a user id (letters, digits and . _ @ -, at most 128)";
        normalized = text;
        return null;
    }

    private static string Cut(string text) => text.Length <= 40 ? text : text[..40] + "…";

    [GeneratedRegex(@"^(0|[1-9][0-9]{0,2})(\.(0|[1-9][0-9]{0,2})){3}$", RegexOptions.CultureInvariant)]
    private static partial Regex DottedQuad();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._@-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex UserId();
}
