using System.Diagnostics.CodeAnalysis;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Access;

/// <summary>
/// A person as the core knows them: the platform they belong to and that platform's user id (Slack <c>U…</c>, a Teams
/// AAD object id). A Slack id and a Teams id can never collide, in roles, approvals, the timeline or the audit.
/// Written as <c>platform:user</c> wherever it is stored or configured.
/// </summary>
public sealed record PersonId
{
    /// <summary>The platform name of the bot itself, which acts for nobody in particular.</summary>
    public const string BotPlatform = "chatops";

    public PersonId(string platform, string user)
    {
        if (!IsName(platform)) throw new ArgumentException($"'{platform}' is not a platform name.", nameof(platform));
        if (!IsUser(user)) throw new ArgumentException($"'{user}' is not a user id.", nameof(user));
        Platform = platform;
        User = user;
    }

    public string Platform { get; }

    /// <summary>The id the platform gives the user.</summary>
    public string User { get; }

    /// <summary>True for the bot itself: it is never mentioned, approves nothing and holds no role.</summary>
    public bool IsBot => Platform == BotPlatform;

    public override string ToString() => $"{Platform}:{User}";

    /// <summary>Reads <c>platform:user</c>; the user part may itself hold colons (Teams ids do).</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out PersonId? person)
    {
        person = null;
        var colon = text?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (colon <= 0 || colon == text!.Length - 1) return false;
        var user = text[(colon + 1)..];
        if (!IsName(text[..colon]) || !IsUser(user)) return false;
        person = new PersonId(text[..colon], user);
        return true;
    }

    public static PersonId Parse(string text) =>
        TryParse(text, out var person) ? person : throw new FormatException($"'{text}' is not a person: write platform:user, e.g. slack:U0123ABCD.");

    // A user id never holds what would break the core's mention token, <@platform:user|name>.
    private static bool IsUser(string user) =>
        user.Length is > 0 and <= 256 && !user.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or '|');

    private static bool IsName(string platform) =>
        platform.Length is > 0 and <= 32 && platform.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}
