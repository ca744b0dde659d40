namespace ChatOps.Core.Incidents;

/// <summary>What a declaration knows before the store has given the incident its id.</summary>
public sealed record NewIncident(
    string Title,
    Severity Severity,
    ChatPlace Place,
    string DeclaredBy,
    DateTimeOffset DeclaredAt,
    string? Commander);
