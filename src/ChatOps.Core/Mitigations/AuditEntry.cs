using ChatOps.Core.Access;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Mitigations;

/// <summary>
/// One line of the append-only audit: who did what to which request, when, the state before and after, and how it ended.
/// <see cref="Effect"/> keys the line of a work item's change, so that a retried item finds the change made.
/// </summary>
public sealed record AuditEntry(
    DateTimeOffset At,
    PersonId Actor,
    IncidentId Incident,
    long Request,
    string Action,
    string Outcome,
    string? Before = null,
    string? After = null,
    long Sequence = 0)
{
    public string? Effect { get; init; }
}
