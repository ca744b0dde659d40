using ChatOps.Core.Access;

namespace ChatOps.Core.Incidents;

/// <summary>
/// What a declaration knows before the store has given the incident its id. <see cref="Effect"/>, set when a work item
/// declares, makes a retried declaration return the incident the first attempt created.
/// </summary>
public sealed record NewIncident(
    string Title,
    Severity Severity,
    ChatPlace Place,
    PersonId DeclaredBy,
    DateTimeOffset DeclaredAt,
    PersonId? Commander,
    bool SeverityAwaitsConfirmation = false)
{
    public string? Effect { get; init; }

    /// <summary>The scenario a drill plays; null for a real incident.</summary>
    public string? Drill { get; init; }

    /// <summary>The stored incident once the store has given it its id.</summary>
    public Incident WithId(IncidentId id) => new()
    {
        Id = id,
        Title = Title,
        Severity = Severity,
        SeverityAwaitsConfirmation = SeverityAwaitsConfirmation,
        Place = Place,
        DeclaredBy = DeclaredBy,
        DeclaredAt = DeclaredAt,
        Commander = Commander,
        Drill = Drill,
        Version = 1,
    };
}
