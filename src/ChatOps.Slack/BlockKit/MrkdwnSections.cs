namespace ChatOps.Slack.BlockKit;

/// <summary>
/// Spreads user text over section texts that each stay within Slack's 3,000 characters once escaped and wrapped
/// (as code or quote), breaking at line ends where it can; the last section says how much was cut.
/// </summary>
internal static class MrkdwnSections
{
    public static string Plain(string escaped) => escaped;

    public static string Code(string escaped) => "```\n" + escaped + "\n```";

    public static string Quote(string escaped) => string.Join('\n', escaped.Split('\n').Select(line => "> " + line));

    /// <summary>Stops a code text from closing its own code block early.</summary>
    public static string DefuseFences(string raw) => raw.Replace("```", "`\u200B``", StringComparison.Ordinal);

    public static IReadOnlyList<string> Build(string raw, Func<string, string> wrap, int maxSections = BlockLimits.SectionsPerText)
    {
        var sections = new List<string>();
        var rest = raw;
        while (rest.Length > 0)
        {
            var last = sections.Count == maxSections - 1;
            var budget = BlockLimits.SectionText - (last ? BlockLimits.NoteRoom : 0);
            var (text, consumed) = Fit(rest, wrap, budget);
            if (consumed == rest.Length)
            {
                sections.Add(text);
                break;
            }
            if (last)
            {
                sections.Add(text + "\n" + BlockLimits.CutNote(rest.Length - consumed));
                break;
            }
            var newline = consumed > 1 ? rest.LastIndexOf('\n', consumed - 1, consumed) : -1;
            if (newline > consumed / 2)
            {
                (text, _) = Fit(rest[..newline], wrap, budget);
                consumed = newline + 1;
            }
            sections.Add(text);
            rest = rest[consumed..];
        }
        return sections;
    }

    private static (string Text, int Consumed) Fit(string raw, Func<string, string> wrap, int budget)
    {
        var inner = budget;
        while (true)
        {
            var escaped = Mrkdwn.Escape(raw, inner, out var omitted);
            var wrapped = wrap(escaped);
            if (wrapped.Length <= budget) return (wrapped, raw.Length - omitted);
            inner -= wrapped.Length - budget;
        }
    }
}
