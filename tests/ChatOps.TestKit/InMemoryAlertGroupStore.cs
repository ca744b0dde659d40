using ChatOps.Core.Alerts;
using ChatOps.Core.Incidents;

namespace ChatOps.TestKit;

/// <summary>Alert groups in memory for tests of the core; it passes the same contract suite as the real stores.</summary>
public sealed class InMemoryAlertGroupStore : IAlertGroupStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<AlertGroupId, AlertGroup> _groups = [];

    public Task<AlertGroup> SaveAsync(AlertNotification notification, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var saved = new AlertGroup(notification.Group, notification, _groups.GetValueOrDefault(notification.Group)?.Incident);
            _groups[saved.Id] = saved;
            return Task.FromResult(saved);
        }
    }

    public Task<AlertGroup?> FindAsync(AlertGroupId id, CancellationToken cancellationToken)
    {
        lock (_gate) return Task.FromResult(_groups.GetValueOrDefault(id));
    }

    public Task<bool> LinkAsync(AlertGroupId id, IncidentId incident, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_groups.TryGetValue(id, out var group)) return Task.FromResult(false);
            _groups[id] = group with { Incident = incident };
            return Task.FromResult(true);
        }
    }
}
