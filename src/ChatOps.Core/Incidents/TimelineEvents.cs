using System.Collections.Immutable;
using ChatOps.Core.Access;
using ChatOps.Core.Work;

namespace ChatOps.Core.Incidents;

/// <summary>
/// New timeline entries, stamped with the incident clock's now and, inside a work item, with the effect key that makes
/// a retried item's identical entry a no-op; data without a value is left out.
/// </summary>
public sealed class TimelineEvents(IncidentClock clock)
{
    public TimelineEvent New(Incident incident, Actor actor, TimelineKind kind, string text, params (string Key, string? Value)[] data) =>
        Keyed(new TimelineEvent(incident.Id, clock.Now, actor.Id, kind, text,
            data.Where(d => d.Value is not null).ToImmutableSortedDictionary(d => d.Key, d => d.Value!, StringComparer.Ordinal)));

    /// <summary>
    /// <paramref name="e"/> with the current work item's key for it (its incident, kind and text), if any. A check's
    /// result is keyed by the check instead: a retried item measures again and reads other values, yet it is the same
    /// result of the same run.
    /// </summary>
    public static TimelineEvent Keyed(TimelineEvent e) =>
        WorkScope.Current is { } scope
            ? e with { Effect = scope.EffectKey("event", e.Incident.ToString(), e.Kind.ToString(), Identity(e)) }
            : e;

    private static string Identity(TimelineEvent e) =>
        e.Kind == TimelineKind.CheckRan && e.Details.TryGetValue("check", out var check)
            ? $"{e.Details.GetValueOrDefault("runbook")}/{check}"
            : e.Text;
}
