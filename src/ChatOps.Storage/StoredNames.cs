using System.Collections.Frozen;
using System.Globalization;
using ChatOps.Core.Incidents;

namespace ChatOps.Storage;

/// <summary>How enums are spelled in the database: by name, so that reordering members never corrupts rows.</summary>
internal static class StoredNames
{
    public static string Status(IncidentStatus status) => IncidentLifecycle.Name(status);

    public static IncidentStatus Status(string name) => ByName.TryGetValue(name, out var status)
        ? status
        : throw new InvalidOperationException($"'{name}' is not an incident status.");

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    // Every time is written in the round-trip form above, which parses on a fast path; anything else still reads.
    public static DateTimeOffset Time(string text) =>
        DateTimeOffset.TryParseExact(text, "O", CultureInfo.InvariantCulture, Styles, out var at)
            ? at
            : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, Styles);

    private const DateTimeStyles Styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;

    private static readonly FrozenDictionary<string, IncidentStatus> ByName =
        Enum.GetValues<IncidentStatus>().ToFrozenDictionary(IncidentLifecycle.Name, StringComparer.Ordinal);
}
