using ChatOps.Core.Incidents;

namespace ChatOps.Storage;

/// <summary>How enums are spelled in the database: by name, so that reordering members never corrupts rows.</summary>
internal static class StoredNames
{
    public static string Status(IncidentStatus status) => IncidentLifecycle.Name(status);

    public static IncidentStatus Status(string name) =>
        Enum.GetValues<IncidentStatus>().First(s => IncidentLifecycle.Name(s) == name);

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    public static DateTimeOffset Time(string text) =>
        DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal);
}
