using ChatOps.Core.Incidents;

namespace ChatOps.Core.Alerts;

/// <summary>Durable alert groups and the incident each one is linked to.</summary>
public interface IAlertGroupStore
{
    /// <summary>Keeps <paramref name="notification"/> as its group's newest, leaving the group's incident as it was.</summary>
    Task<AlertGroup> SaveAsync(AlertNotification notification, CancellationToken cancellationToken);

    Task<AlertGroup?> FindAsync(AlertGroupId id, CancellationToken cancellationToken);

    /// <summary>Links a saved group to the incident declared from it, replacing an earlier link; false when no such group is saved.</summary>
    Task<bool> LinkAsync(AlertGroupId id, IncidentId incident, CancellationToken cancellationToken);
}
