using ChatOps.Core.Incidents;

namespace ChatOps.Core.Alerts;

/// <summary>
/// An alert group as the bot remembers it: its newest notification (what a Declare click declares from) and the
/// incident declared from it, if any. A group whose incident is resolved offers a new one when it fires again.
/// </summary>
public sealed record AlertGroup(AlertGroupId Id, AlertNotification Latest, IncidentId? Incident);
