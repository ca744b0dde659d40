using ChatOps.Core.Incidents;
using ChatOps.Core.Mitigations;

namespace ChatOps.TestKit;

/// <summary>Mitigation requests in memory; it passes the same contract suite as the real stores.</summary>
public sealed class InMemoryMitigationStore : IMitigationStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<long, MitigationRequest> _requests = [];
    private readonly List<AuditEntry> _audit = [];

    public Task<MitigationRequest> CreateAsync(MitigationRequest request, Func<long, AuditEntry> audit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (request.Effect is { } effect && _requests.Values.FirstOrDefault(r => r.Effect == effect) is { } earlier) return Task.FromResult(earlier);
            var created = request with { Id = _requests.Count + 1, Version = 1 };
            _requests[created.Id] = created;
            _audit.Add(audit(created.Id) with { Sequence = _audit.Count + 1 });
            return Task.FromResult(created);
        }
    }

    public Task<MitigationRequest?> FindAsync(long id, CancellationToken cancellationToken)
    {
        lock (_gate) return Task.FromResult(_requests.GetValueOrDefault(id));
    }

    public Task<IReadOnlyList<MitigationRequest>> ListAsync(IncidentId incident, CancellationToken cancellationToken)
    {
        lock (_gate) return Task.FromResult<IReadOnlyList<MitigationRequest>>([.. _requests.Values.Where(r => r.Incident == incident).OrderBy(r => r.Id)]);
    }

    public Task<IReadOnlyList<MitigationRequest>> ListPendingAsync(CancellationToken cancellationToken)
    {
        lock (_gate) return Task.FromResult<IReadOnlyList<MitigationRequest>>([.. _requests.Values.Where(r => r.Status == RequestStatus.Pending).OrderBy(r => r.Id)]);
    }

    public Task<IReadOnlyList<MitigationRequest>> ListExecutingAsync(DateTimeOffset claimedBefore, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<MitigationRequest>>([.. _requests.Values
                .Where(r => r.Status == RequestStatus.Executing && (r.ClaimedAt is null || r.ClaimedAt <= claimedBefore))
                .OrderBy(r => r.ClaimedAt).ThenBy(r => r.Id)]);
        }
    }

    public Task<bool> TryUpdateAsync(MitigationRequest updated, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_requests.TryGetValue(updated.Id, out var stored) || stored.Version != updated.Version - 1) return Task.FromResult(false);
            if (audit is [{ Effect: { } first }, ..] && _audit.Exists(a => a.Effect == first)) return Task.FromResult(false);
            _requests[updated.Id] = updated;
            foreach (var entry in audit) _audit.Add(entry with { Sequence = _audit.Count + 1 });
            return Task.FromResult(true);
        }
    }

    public Task AppendAuditAsync(IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            foreach (var entry in audit) _audit.Add(entry with { Sequence = _audit.Count + 1 });
            return Task.CompletedTask;
        }
    }

    public Task<bool> HasEffectAsync(string effect, CancellationToken cancellationToken)
    {
        lock (_gate) return Task.FromResult(_audit.Exists(a => a.Effect == effect));
    }

    public Task<IReadOnlyList<AuditEntry>> AuditAsync(IncidentId incident, CancellationToken cancellationToken)
    {
        lock (_gate) return Task.FromResult<IReadOnlyList<AuditEntry>>([.. _audit.Where(a => a.Incident == incident).Select(a => a with { Effect = null })]);
    }
}
