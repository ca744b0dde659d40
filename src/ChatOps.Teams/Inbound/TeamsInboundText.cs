using System.Net;
using System.Text;
using ChatOps.Core.Messages;
using ChatOps.Teams.Inbound.Wire;

namespace ChatOps.Teams.Inbound;

/// <summary>
/// Brings a Teams message's text to the core's command form. Mentions are read from the activity's <c>mention</c>
/// entities, not from the text (a sender can alter the text; https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/channel-and-group-conversations):
/// the bot's own is removed, a person's becomes the core's token <c>&lt;@teams:AADID|Name&gt;</c>. The rest is
/// HTML-decoded.
/// </summary>
internal static class TeamsInboundText
{
    /// <param name="botId">The bot's id in the conversation (the activity's <c>recipient.id</c>).</param>
    /// <param name="botMentioned">Whether a mention entity names the bot.</param>
    public static string ToCore(string? text, IReadOnlyList<ActivityEntity>? entities, string? botId, out bool botMentioned)
    {
        botMentioned = false;
        text ??= string.Empty;
        var found = new List<(int Index, int Length, string Replacement)>();
        foreach (var entity in entities ?? [])
        {
            if (!string.Equals(entity.Type, "mention", StringComparison.OrdinalIgnoreCase) || entity.Text is not { Length: > 0 } shown) continue;
            var isBot = botId is not null && string.Equals(entity.Mentioned?.Id, botId, StringComparison.Ordinal);
            botMentioned |= isBot;
            // The entity's text is matched exactly, never rebuilt; each entity claims the first occurrence not yet claimed.
            var index = FirstFree(text, shown, found);
            if (index >= 0) found.Add((index, shown.Length, isBot ? string.Empty : Token(entity.Mentioned)));
        }

        var core = new StringBuilder(text.Length);
        var at = 0;
        foreach (var (index, length, replacement) in found.OrderBy(f => f.Index))
        {
            core.Append(Plain(text[at..index])).Append(replacement);
            at = index + length;
        }
        core.Append(Plain(text[at..]));
        return core.ToString().Trim();
    }

    private static int FirstFree(string text, string shown, List<(int Index, int Length, string Replacement)> claimed)
    {
        for (var from = 0; from <= text.Length;)
        {
            var index = text.IndexOf(shown, from, StringComparison.Ordinal);
            if (index < 0) return -1;
            if (!claimed.Any(c => index < c.Index + c.Length && c.Index < index + shown.Length)) return index;
            from = index + 1;
        }
        return -1;
    }

    /// <summary>A person's token when the mention carries their AAD object id, else their name as written.</summary>
    private static string Token(ChannelAccount? mentioned) =>
        TeamsPeople.TryPerson(mentioned, out var person)
            ? Mention.Of(person, mentioned!.Name is { } name ? WebUtility.HtmlDecode(name) : null)
            : "@" + WebUtility.HtmlDecode(mentioned?.Name ?? "someone");

    // Only mention entities make tokens: text a person typed that decodes to "<@…" is broken apart so it cannot pose as one.
    private static string Plain(string text) =>
        text.Length == 0 ? text : WebUtility.HtmlDecode(text).Replace('\u00A0', ' ').Replace("<@", "< @", StringComparison.Ordinal);
}
