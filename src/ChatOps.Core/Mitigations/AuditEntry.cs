using ChatOps.Core.Access;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Mitigations;

/// <summary>One line of the append-only audit: who did what to which request, when, the state before and after, and how it ended.</summary>
public sealed record AuditEntry(
    DateTimeOffset At,
    PersonId Actor,
    IncidentId Incident,
    long Request,
    string Action,
    string Outcome,
    string? Before = null,
    string? After = null,
    long Sequence = 0);
