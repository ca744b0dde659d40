using System.Collections.Immutable;
using ChatOps.Core.Access;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Incidents;

/// <summary>
/// One entry of an incident's append-only timeline. <see cref="Sequence"/> is given by the store
/// and orders events; <see cref="Data"/> holds structured detail (old and new values, check ids). <see cref="Effect"/>,
/// set for events written by a work item, makes a retried item's append of the same event a no-op.
/// </summary>
public sealed record TimelineEvent(
    IncidentId Incident,
    DateTimeOffset At,
    PersonId Actor,
    TimelineKind Kind,
    string Text,
    ImmutableSortedDictionary<string, string>? Data = null,
    long Sequence = 0)
{
    public string? Effect { get; init; }

    public ImmutableSortedDictionary<string, string> Details => Data ?? ImmutableSortedDictionary<string, string>.Empty;
}
