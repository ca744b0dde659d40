using ChatOps.Core.Incidents;

namespace ChatOps.Core.Alerts;

/// <summary>
/// What the bot does with an alert group: the runbook it offers or starts, the severity it declares at, and whether it
/// declares and runs by itself.
/// </summary>
public sealed record AlertRoute(string? Runbook, Severity Severity, AlertAction Declare, AlertAction Run);
