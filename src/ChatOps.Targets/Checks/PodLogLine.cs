using System.Globalization;

namespace ChatOps.Targets.Checks;

/// <summary>One line of a pod's log, as the API returns it with <c>timestamps=true</c>: an RFC 3339 time, a space, the text.</summary>
internal sealed record PodLogLine(DateTimeOffset? Time, string Pod, string Text)
{
    public static PodLogLine Parse(string pod, string line)
    {
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        if (space > 0 && TryParseTime(line[..space], out var time)) return new PodLogLine(time, pod, line[(space + 1)..]);
        return new PodLogLine(null, pod, line);
    }

    public override string ToString() =>
        Time is { } t ? $"{t.ToString("HH:mm:ss", CultureInfo.InvariantCulture)} {Pod} | {Text}" : $"{Pod} | {Text}";

    // The API writes nanoseconds (2026-01-02T03:04:05.123456789Z); .NET parses at most seven fraction digits.
    private static bool TryParseTime(string text, out DateTimeOffset time)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var zone = text.IndexOfAny(['Z', '+', '-'], dot < 0 ? 19 : dot);
        if (dot > 0 && zone > dot + 8) text = text[..(dot + 8)] + text[zone..];
        return DateTimeOffset.TryParse(
            text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);
    }
}
