using ChatOps.Core.Checks;
using ChatOps.Core.Messages;
using ChatOps.Core.Safety;

namespace ChatOps.Core.Runs;

/// <summary>
/// Results that need attention (warn, critical, error) as thread posts, each with its query and evidence as
/// <see cref="CheckResultView"/> shows it. Findings that land together share a post, cut into posts that stay within
/// the platforms' message limits; a closing message (the decision) joins the last post when it fits.
/// </summary>
internal static class Findings
{
    // Slack takes 50 blocks a message and spreads a long text or a table over up to three; room is kept for its cut notes.
    private const int BlockBudget = 45;

    // No platform documents a limit for a whole message this small; it keeps a post readable and a Teams card well under its size limit.
    private const int CharacterBudget = 12_000;

    public static bool NeedsAttention(CheckResult result) => result.Grade is CheckGrade.Warn or CheckGrade.Critical or CheckGrade.Error;

    /// <summary>The posts for <paramref name="findings"/>, in order, then <paramref name="last"/> (in the last post when it fits).</summary>
    public static IEnumerable<Post> Posts(IEnumerable<CheckResult> findings, ChatMessage? last = null)
    {
        var parts = new List<ChatMessage>();
        foreach (var view in findings.Select(CheckResultView.Render))
        {
            if (parts.Count > 0 && !Fits([.. parts, view]))
            {
                yield return new Post(Join(parts, null), false);
                parts = [];
            }
            parts.Add(view);
        }
        if (last is null)
        {
            if (parts.Count > 0) yield return new Post(Join(parts, null), false);
            yield break;
        }
        if (parts.Count > 0 && !Fits([.. parts, last]))
        {
            yield return new Post(Join(parts, null), false);
            parts = [];
        }
        yield return new Post(Join(parts, last), true);
    }

    private static ChatMessage Join(List<ChatMessage> parts, ChatMessage? last)
    {
        if (last is not null) parts = [.. parts, last];
        if (parts.Count == 1) return parts[0];
        var blocks = parts.SelectMany((p, i) => i == 0 ? p.Blocks : p.Blocks.Prepend(new DividerBlock())).ToList();
        // The summary is what a notification shows: the decision when there is one, else the findings.
        var summary = last?.Summary ?? ChatLimits.Line(string.Join(" · ", parts.Select(p => p.Summary)));
        return new ChatMessage(summary, blocks);
    }

    private static bool Fits(IReadOnlyList<ChatMessage> parts) =>
        parts.Sum(p => p.Blocks.Sum(Weight)) + parts.Count - 1 <= BlockBudget
        && parts.Sum(p => p.Blocks.Sum(Characters)) <= CharacterBudget;

    private static int Weight(MessageBlock block) => block switch
    {
        TextBlock t => Math.Clamp((t.Text.Length + ChatLimits.BlockCharacters - 1) / ChatLimits.BlockCharacters, 1, 3),
        TableBlock => 3,
        FieldsBlock f => Math.Max(1, (f.Fields.Count + 9) / 10),
        ActionsBlock a => Math.Max(1, (a.Buttons.Count + 24) / 25),
        _ => 1,
    };

    private static int Characters(MessageBlock block) => block switch
    {
        HeaderBlock h => h.Text.Length,
        TextBlock t => t.Text.Length,
        ContextBlock c => c.Text.Length,
        FieldsBlock f => f.Fields.Sum(x => x.Label.Length + x.Value.Length),
        TableBlock t => t.Columns.Sum(c => c.Length + 3) + t.Rows.Sum(r => r.Sum(c => c.Length + 3)),
        ActionsBlock a => a.Buttons.Sum(b => b.Label.Length),
        _ => 0,
    };

    /// <summary>One post; <see cref="Closes"/> when it carries the closing message.</summary>
    public sealed record Post(ChatMessage Message, bool Closes);
}
