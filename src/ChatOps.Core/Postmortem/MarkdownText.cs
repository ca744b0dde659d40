using System.Text;
using System.Text.RegularExpressions;

namespace ChatOps.Core.Postmortem;

/// <summary>
/// What users typed, made fit to print in the Markdown document. Postmortems are read in viewers that pass raw HTML
/// through and follow any link, so typed text must not carry markup or links that run code, and must not open a
/// heading or a block that would forge or swallow the sections after it. Web links stay as typed.
/// </summary>
internal static partial class MarkdownText
{
    // Between the letters of a scheme, what a browser drops from a URL (tabs and newlines anywhere, controls and
    // spaces in front) and character references a Markdown viewer decodes before the browser sees the link.
    private const string Gap = @"(?:[\x00-\x20\x7F]|&#[xX]?[0-9a-fA-F]{1,7};?|&[A-Za-z][A-Za-z0-9]{1,31};)*";

    private const string Colon = "(?::|&colon;|&#0*58;?|&#[xX]0*3[aA];?)";

    private static readonly Regex DangerousScheme = new(SchemePattern("javascript", "vbscript", "data"),
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    public static string Escape(string typed)
    {
        var text = typed.ReplaceLineEndings(" ");
        // "[:]" is how security write-ups defang a link: still readable, no longer a scheme anywhere.
        text = DangerousScheme.Replace(text, m => string.Concat(m.Groups["l"].Captures.Select(c => c.Value)) + "[:]");
        return EscapeBlockStart(EscapeHtml(text));
    }

    /// <summary>
    /// <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> become entities, so no tag, comment or character reference survives;
    /// a web autolink (<c>&lt;https://…&gt;</c>) is kept, being a link and nothing else.
    /// </summary>
    private static string EscapeHtml(string text)
    {
        var escaped = new StringBuilder(text.Length + 16);
        var at = 0;
        foreach (var link in WebAutolink().EnumerateMatches(text))
        {
            AppendEscaped(escaped, text.AsSpan(at, link.Index - at));
            escaped.Append(text.AsSpan(link.Index, link.Length));
            at = link.Index + link.Length;
        }
        AppendEscaped(escaped, text.AsSpan(at));
        return escaped.ToString();
    }

    private static void AppendEscaped(StringBuilder to, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => to.Append("&amp;"),
                '<' => to.Append("&lt;"),
                '>' => to.Append("&gt;"),
                _ => to.Append(c),
            };
        }
    }

    /// <summary>
    /// A template may print typed text at the start of a line (the cause, the resolution), where <c>#</c> opens a
    /// heading, a fence opens a code block to the end of the document and a line of <c>=</c> or <c>-</c> underlines
    /// the line before into a heading; a backslash makes that first character plain text, and is harmless elsewhere.
    /// </summary>
    private static string EscapeBlockStart(string text)
    {
        var opener = BlockOpener().Match(text);
        return opener.Success ? text.Insert(opener.Groups[1].Index, "\\") : text;
    }

    /// <summary>
    /// A scheme's letters with any gap between them, then its colon and something after it (a scheme word followed by a
    /// space is prose, and a link destination ends at the space). Not after a scheme character: <c>metadata:</c> is
    /// another scheme.
    /// </summary>
    private static string SchemePattern(params string[] schemes) =>
        "(?<![A-Za-z0-9+.-])(?:" + string.Join('|', schemes.Select(s => string.Join(Gap, s.Select(c => $"(?<l>{c})")))) + ")" + Gap + Colon + @"(?=\S)";

    [GeneratedRegex(@"^ {0,3}((?:#{1,6}(?:[ \t]|$)|`{3}|~{3}|=+[ \t]*$|-+[ \t]*$))", RegexOptions.CultureInvariant)]
    private static partial Regex BlockOpener();

    [GeneratedRegex(@"<https?://[^\x00-\x20<>]+>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WebAutolink();
}
