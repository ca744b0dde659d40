namespace ChatOps.Core.Alerts;

/// <summary>Alertmanager's word for an alert, or for a group: firing while any of its alerts fires.</summary>
public enum AlertStatus
{
    Firing,
    Resolved,
}
