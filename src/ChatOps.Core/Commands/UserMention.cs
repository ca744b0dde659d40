using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace ChatOps.Core.Commands;

/// <summary>
/// A user named in a command: a platform mention <c>&lt;@U123&gt;</c> or <c>&lt;@U123|name&gt;</c>
/// (adapters bring their platform's mentions to this form), or a plain <c>@handle</c>.
/// </summary>
public static partial class UserMention
{
    /// <summary>The user reference kept by the core: a platform id, or <c>@handle</c> when only a handle was typed.</summary>
    public static bool TryParse(string? token, [NotNullWhen(true)] out string? user)
    {
        user = null;
        if (token is null) return false;
        var match = Mention().Match(token);
        if (match.Success)
        {
            user = match.Groups[1].Value;
            return true;
        }
        if (Handle().IsMatch(token))
        {
            user = token;
            return true;
        }
        return false;
    }

    /// <summary>The neutral text for a user: a mention when it is an id, the handle as typed otherwise.</summary>
    public static string Render(string user) => user.StartsWith('@') ? user : $"<@{user}>";

    /// <summary>Text for documents outside chat: mentions read as <c>@U123</c>.</summary>
    public static string Readable(string text) => InlineMention().Replace(text, "@$1");

    [GeneratedRegex(@"^<@([A-Za-z0-9._:-]{1,128})(\|[^<>]{0,128})?>$", RegexOptions.CultureInvariant)]
    private static partial Regex Mention();

    [GeneratedRegex(@"<@([A-Za-z0-9._:-]{1,128})(?:\|[^<>]{0,128})?>", RegexOptions.CultureInvariant)]
    private static partial Regex InlineMention();

    [GeneratedRegex(@"^@[\p{L}\p{N}._-]{1,80}$", RegexOptions.CultureInvariant)]
    private static partial Regex Handle();
}
