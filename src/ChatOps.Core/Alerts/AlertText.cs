using ChatOps.Core.Safety;

namespace ChatOps.Core.Alerts;

/// <summary>
/// What an alert says, made fit to show: alert text is whatever the alert's rule and its labels put there, so it is
/// redacted before it is cut (a cut must not leave half a secret unrecognised) and can name nobody. The renderers
/// escape the rest, as they do for what people type.
/// </summary>
public static class AlertText
{
    /// <summary>One line of at most <paramref name="max"/> characters.</summary>
    public static string Line(string? text, int max = ChatLimits.LineCharacters) =>
        ChatLimits.Line(Clean(text).ReplaceLineEndings(" "), max);

    /// <summary>A block of text, cut at line ends.</summary>
    public static string Block(string? text, int max = ChatLimits.BlockCharacters / 2) =>
        ChatLimits.Truncate(Clean(text), max, ChatLimits.BlockLines);

    // The core's mention token is the one markup the renderers act on: in an alert it would ping whoever it names.
    private static string Clean(string? text) => SecretRedactor.Redact((text ?? "").Replace("<@", "< @", StringComparison.Ordinal).Trim());
}
