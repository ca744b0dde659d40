using System.Collections.Immutable;
using System.Globalization;
using ChatOps.Core.Access;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Alerts;

/// <summary>
/// The timeline entries a notification makes on its group's incident, at the alerts' own times: "Alert fired" at each
/// alert's start, "Alert resolved" at the end of each resolved one. Each entry is keyed by the alert (fingerprint and
/// start), so an alert already on the timeline is not written again, whichever notification or retry brings it.
/// </summary>
public static class AlertTimeline
{
    /// <summary>The entries of every alert of the notification, in the order of their times.</summary>
    public static IReadOnlyList<TimelineEvent> Events(IncidentId incident, AlertNotification notification) =>
        [.. notification.Alerts.SelectMany(a => Of(incident, notification.Group, a)).OrderBy(e => e.At)];

    /// <summary>One alert's entries: it fired, and, once resolved, it ended.</summary>
    public static IEnumerable<TimelineEvent> Of(IncidentId incident, AlertGroupId group, Alert alert)
    {
        yield return Event(incident, group, alert, TimelineKind.AlertFired, alert.StartsAt);
        if (alert is { Status: AlertStatus.Resolved, EndsAt: { } ended }) yield return Event(incident, group, alert, TimelineKind.AlertResolved, ended);
    }

    private static TimelineEvent Event(IncidentId incident, AlertGroupId group, Alert alert, TimelineKind kind, DateTimeOffset at)
    {
        var what = kind == TimelineKind.AlertFired ? "fired" : "resolved";
        var data = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string>
        {
            ["alert"] = group.Value,
            ["fingerprint"] = alert.Fingerprint,
        });
        return new TimelineEvent(incident, at, Actor.System.Id, kind, $"Alert {what}: {Headline(alert)}", data)
        {
            Effect = string.Create(CultureInfo.InvariantCulture, $"alert:{incident}:{alert.Fingerprint}:{alert.StartsAt.UtcTicks}:{what}"),
        };
    }

    /// <summary>The alert's name and summary, on one line.</summary>
    public static string Headline(Alert alert) => AlertText.Line(alert.Summary is { Length: > 0 } summary ? $"{alert.Name}: {summary}" : alert.Name);
}
