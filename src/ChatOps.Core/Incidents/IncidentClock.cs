using System.Globalization;
using Microsoft.Extensions.Options;

namespace ChatOps.Core.Incidents;

/// <summary>The current time and the configured time zone, for what responders read.</summary>
public sealed class IncidentClock(TimeProvider time, IOptions<IncidentOptions> options)
{
    public TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public DateTimeOffset Now => time.GetUtcNow();

    public DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone);

    public string Short(DateTimeOffset at) => Local(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " " + ZoneLabel(at);

    public string ZoneLabel(DateTimeOffset at)
    {
        var offset = Zone.GetUtcOffset(at);
        return Zone.Id is "UTC" or "Etc/UTC" ? "UTC" : $"UTC{(offset < TimeSpan.Zero ? "-" : "+")}{offset:hh\\:mm}";
    }

    /// <summary>
    /// Events in local time, each marked where the day changes (the first one too), so that a list shows the
    /// date only where a reader needs it.
    /// </summary>
    public IEnumerable<(T Item, DateTimeOffset Local, bool NewDay)> ByDay<T>(IEnumerable<T> items, Func<T, DateTimeOffset> at)
    {
        DateOnly? day = null;
        foreach (var item in items)
        {
            var local = Local(at(item));
            var date = DateOnly.FromDateTime(local.DateTime);
            yield return (item, local, day != date);
            day = date;
        }
    }

    /// <summary>A human length: 45s, 12m, 2h 5m, 3d 4h.</summary>
    public static string Length(TimeSpan span)
    {
        if (span < TimeSpan.Zero) span = TimeSpan.Zero;
        if (span < TimeSpan.FromMinutes(1)) return $"{(int)span.TotalSeconds}s";
        if (span < TimeSpan.FromHours(1)) return $"{(int)span.TotalMinutes}m";
        if (span < TimeSpan.FromDays(1)) return span.Minutes == 0 ? $"{(int)span.TotalHours}h" : $"{(int)span.TotalHours}h {span.Minutes}m";
        return span.Hours == 0 ? $"{(int)span.TotalDays}d" : $"{(int)span.TotalDays}d {span.Hours}h";
    }
}
