namespace ChatOps.Core.Incidents;

/// <summary>The one place that says which status changes make sense.</summary>
public static class IncidentLifecycle
{
    /// <summary>Null when the move is allowed, otherwise why not.</summary>
    public static string? WhyNot(Incident incident, IncidentStatus next) => (incident.Status, next) switch
    {
        (IncidentStatus.Resolved, _) => $"{incident.Id} is already resolved.",
        var (current, wanted) when current == wanted => $"{incident.Id} is already {Name(current)}.",
        var (current, wanted) when wanted < current =>
            $"{incident.Id} is {Name(current)}; status only moves forward (investigating → identified → mitigated → resolved).",
        _ => null,
    };

    public static string Name(IncidentStatus status) => status switch
    {
        IncidentStatus.Investigating => "investigating",
        IncidentStatus.Identified => "identified",
        IncidentStatus.Mitigated => "mitigated",
        IncidentStatus.Resolved => "resolved",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
