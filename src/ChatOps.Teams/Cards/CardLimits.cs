using System.Globalization;

namespace ChatOps.Teams.Cards;

/// <summary>
/// How much one card may hold. Teams refuses a bot message over about 100 KB (measured as UTF-16, HTTP 413
/// <c>MessageSizeTooBig</c>; https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/format-your-bot-messages)
/// and a commonly quoted budget for a card is 28 KB. The bot keeps the whole activity within 28 KB of UTF-8: even as
/// UTF-16 that is at most 56 KB, well inside the documented limit and its recommended 80 KB.
/// </summary>
internal static class CardLimits
{
    public const int ActivityBytes = 28 * 1024;

    /// <summary>One text element holds at most this many characters of user text before it is cut.</summary>
    public const int TextChars = 8000;

    public const int CellChars = 500;

    public const int ButtonTitle = 80;

    public const int Choices = 100;

    public static string CutNote(int omitted, string unit = "characters") =>
        string.Create(CultureInfo.InvariantCulture, $"… (cut {omitted} {unit} to fit Teams' limits)");

    /// <summary>Text cut to <paramref name="max"/> characters without splitting a surrogate pair; how much was cut comes back.</summary>
    public static string Cut(string text, int max, out int omitted)
    {
        omitted = 0;
        if (text.Length <= max) return text;
        var cut = max;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1])) cut--;
        omitted = text.Length - cut;
        return text[..cut];
    }

    /// <summary>One line of plain text, cut with a visible ellipsis.</summary>
    public static string Line(string text, int max)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= max ? line : Cut(line, max - 1, out _) + "…";
    }
}
