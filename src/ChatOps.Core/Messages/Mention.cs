using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using ChatOps.Core.Access;
using ChatOps.Core.Chat;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Messages;

/// <summary>
/// The core's own mention token, <c>&lt;@platform:user&gt;</c> or <c>&lt;@platform:user|Display Name&gt;</c>. Adapters
/// bring their platform's mentions to it on the way in, and each renderer writes its platform's form on the way out
/// (Slack <c>&lt;@U…&gt;</c>, Teams <c>&lt;at&gt;</c>); documents show the display name. The bot itself is written by
/// name, never as a mention.
/// </summary>
public static partial class Mention
{
    public static string Of(Actor actor) => Of(actor.Id, actor.Name);

    public static string Of(PersonId person, string? name = null)
    {
        if (person.IsBot) return name ?? "ChatOps";
        var label = Label(name);
        return label is null ? $"<@{person}>" : $"<@{person}|{label}>";
    }

    /// <summary>A whole token naming one person, with its label when it has one.</summary>
    public static bool TryParse(string? token, [NotNullWhen(true)] out PersonId? person, out string? label)
    {
        person = null;
        label = null;
        if (token is null || Whole().Match(token) is not { Success: true } match) return false;
        if (!PersonId.TryParse(match.Groups[1].Value, out person)) return false;
        label = match.Groups[2].Success ? match.Groups[2].Value : null;
        return true;
    }

    /// <summary>The whole token that starts at <paramref name="index"/> of <paramref name="text"/>; null when none starts there.</summary>
    public static string? At(string text, int index)
    {
        if (string.CompareOrdinal(text, index, "<@", 0, 2) != 0) return null;
        var end = text.IndexOf('>', index);
        return end > index && TryParse(text[index..(end + 1)], out _, out _) ? text[index..(end + 1)] : null;
    }

    /// <summary>An owner named in a command: a mention (kept as a token) or a plain <c>@handle</c> as typed.</summary>
    public static bool TryParseOwner(string? token, [NotNullWhen(true)] out string? owner)
    {
        owner = null;
        if (TryParse(token, out var person, out var label)) owner = Of(person, label);
        else if (token is not null && Handle().IsMatch(token)) owner = token;
        return owner is not null;
    }

    /// <summary>Rewrites every token in <paramref name="text"/>; the rest is left as it is.</summary>
    public static string Replace(string text, Func<PersonId, string?, string> render) =>
        !text.Contains("<@", StringComparison.Ordinal)
            ? text
            : Inline().Replace(text, m => PersonId.TryParse(m.Groups[1].Value, out var person)
                ? render(person, m.Groups[2].Success ? m.Groups[2].Value : null)
                : m.Value);

    /// <summary>The people named in <paramref name="text"/>, with the names their tokens carry.</summary>
    public static IEnumerable<(PersonId Person, string? Label)> People(string text)
    {
        if (!text.Contains("<@", StringComparison.Ordinal)) yield break;
        foreach (Match m in Inline().Matches(text))
        {
            if (PersonId.TryParse(m.Groups[1].Value, out var person)) yield return (person, m.Groups[2].Success ? m.Groups[2].Value : null);
        }
    }

    /// <summary>Text for documents outside chat: each mention reads as its display name, else as <c>@user</c>.</summary>
    public static string Readable(string text, Func<PersonId, string?>? names = null) =>
        Replace(text, (person, label) => "@" + (names?.Invoke(person) ?? label ?? person.User));

    // A label never holds the token's own delimiters, so user text cannot close a token early or open another.
    private static string? Label(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var clean = new string([.. name.Where(c => c is not ('<' or '>' or '|') && !char.IsControl(c))]).Trim();
        return clean.Length == 0 ? null : clean.Length <= 80 ? clean : clean[..80];
    }

    [GeneratedRegex(@"^<@([a-z0-9-]{1,32}:[^\s<>|]{1,256})(?:\|([^<>|]{0,128}))?>$", RegexOptions.CultureInvariant)]
    private static partial Regex Whole();

    [GeneratedRegex(@"<@([a-z0-9-]{1,32}:[^\s<>|]{1,256})(?:\|([^<>|]{0,128}))?>", RegexOptions.CultureInvariant)]
    private static partial Regex Inline();

    [GeneratedRegex(@"^@[\p{L}\p{N}._-]{1,80}$", RegexOptions.CultureInvariant)]
    private static partial Regex Handle();
}
