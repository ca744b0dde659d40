using ChatOps.Core.Incidents;

namespace ChatOps.Core.Mitigations;

/// <summary>Durable mitigation requests and the append-only audit of everything done with them.</summary>
public interface IMitigationStore
{
    /// <summary>
    /// Stores a new request (its <see cref="MitigationRequest.Id"/> is given here) with its first audit line. When
    /// <see cref="MitigationRequest.Effect"/> names a request already stored, returns that one and stores nothing.
    /// </summary>
    Task<MitigationRequest> CreateAsync(MitigationRequest request, Func<long, AuditEntry> audit, CancellationToken cancellationToken);

    Task<MitigationRequest?> FindAsync(long id, CancellationToken cancellationToken);

    Task<IReadOnlyList<MitigationRequest>> ListAsync(IncidentId incident, CancellationToken cancellationToken);

    /// <summary>Requests still waiting for approval, oldest first, across all incidents.</summary>
    Task<IReadOnlyList<MitigationRequest>> ListPendingAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Requests executing since <paramref name="claimedBefore"/> or earlier (or since before claims were timed), oldest
    /// claim first (untimed ones before all), across all incidents: executions whose process may have died.
    /// </summary>
    Task<IReadOnlyList<MitigationRequest>> ListExecutingAsync(DateTimeOffset claimedBefore, CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="updated"/> and appends <paramref name="audit"/> in one transaction, only if the stored
    /// version is still <c>updated.Version - 1</c>; false when another writer got there first, or when the first line's
    /// <see cref="AuditEntry.Effect"/> is already stored (an earlier attempt of the same work made this change).
    /// </summary>
    Task<bool> TryUpdateAsync(MitigationRequest updated, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken);

    /// <summary>Appends audit lines that change no request: attempts that were refused.</summary>
    Task AppendAuditAsync(IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken);

    /// <summary>Whether an audit line with this <see cref="AuditEntry.Effect"/> is stored.</summary>
    Task<bool> HasEffectAsync(string effect, CancellationToken cancellationToken);

    /// <summary>The audit of an incident's requests, in the order it was written.</summary>
    Task<IReadOnlyList<AuditEntry>> AuditAsync(IncidentId incident, CancellationToken cancellationToken);
}
