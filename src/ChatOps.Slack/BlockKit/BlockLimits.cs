using System.Globalization;

namespace ChatOps.Slack.BlockKit;

/// <summary>
/// Slack's Block Kit limits (https://docs.slack.dev/reference/block-kit/blocks; python-slack-sdk
/// <c>slack_sdk/models/blocks</c>), and the note shown wherever the renderer had to cut.
/// </summary>
internal static class BlockLimits
{
    public const int Blocks = 50;
    public const int SectionText = 3000;
    public const int Fields = 10;
    public const int FieldText = 2000;
    public const int ActionsElements = 25;
    public const int ContextElements = 10;
    public const int ButtonLabel = 75;
    public const int ButtonValue = 2000;
    public const int ActionId = 255;
    public const int HeaderText = 150;
    public const int ConfirmTitle = 100;
    public const int ConfirmText = 300;
    public const int ConfirmButton = 30;
    public const int FallbackText = 3000;

    /// <summary>A long text is spread over at most this many sections before the rest is cut.</summary>
    public const int SectionsPerText = 3;

    /// <summary>Room kept for <see cref="CutNote"/> in a text that may be cut.</summary>
    public const int NoteRoom = 64;

    public static string CutNote(int omitted, string unit = "characters") =>
        string.Create(CultureInfo.InvariantCulture, $"… (cut {omitted} {unit} to fit Slack's limits)");

    /// <summary>Plain text cut to <paramref name="max"/> characters with a visible ellipsis.</summary>
    public static string Plain(string text, int max)
    {
        var line = text.ReplaceLineEndings(" ");
        if (line.Length <= max) return line;
        var cut = max - 1;
        if (char.IsLowSurrogate(line[cut])) cut--;
        return line[..cut] + "…";
    }
}
