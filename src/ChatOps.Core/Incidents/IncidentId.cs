using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ChatOps.Core.Incidents;

/// <summary>An incident's public id, <c>INC-YYYY-NNNN</c>: unique, increasing within a year.</summary>
public readonly partial record struct IncidentId(int Year, int Number)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"INC-{Year:D4}-{Number:D4}");

    public static bool TryParse([NotNullWhen(true)] string? text, out IncidentId id)
    {
        id = default;
        if (text is null) return false;
        var match = Pattern().Match(text);
        if (!match.Success) return false;
        id = new IncidentId(
            int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
        return id.Number > 0;
    }

    public static IncidentId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not an incident id like INC-2026-0042.");

    // Numbers past 9999 keep growing in width rather than wrapping.
    [GeneratedRegex(@"^INC-(\d{4})-(\d{4,9})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
