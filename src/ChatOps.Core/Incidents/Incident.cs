using System.Collections.Immutable;
using ChatOps.Core.Access;

namespace ChatOps.Core.Incidents;

/// <summary>
/// One incident as stored. Immutable: a change produces a new value with a higher
/// <see cref="Version"/>, which the store uses for optimistic concurrency.
/// </summary>
public sealed record Incident
{
    public required IncidentId Id { get; init; }
    public required string Title { get; init; }
    public required Severity Severity { get; init; }

    /// <summary>A SEV1 or SEV2 set by someone who is not a manager, until a manager confirms it with <c>sev</c>.</summary>
    public bool SeverityAwaitsConfirmation { get; init; }

    public IncidentStatus Status { get; init; } = IncidentStatus.Investigating;
    public PersonId? Commander { get; init; }
    public required ChatPlace Place { get; init; }
    public required PersonId DeclaredBy { get; init; }
    public required DateTimeOffset DeclaredAt { get; init; }
    public DateTimeOffset? ResolvedAt { get; init; }
    public string? Impact { get; init; }
    public string? RootCause { get; init; }
    public string? Resolution { get; init; }
    public ImmutableList<ActionItem> ActionItems { get; init; } = [];
    public ImmutableList<string> Lessons { get; init; } = [];
    public int Version { get; init; }

    /// <summary>The scenario a drill plays (<c>drill &lt;scenario&gt;</c>); null for a real incident.</summary>
    public string? Drill { get; init; }

    public bool IsOpen => Status != IncidentStatus.Resolved;

    /// <summary>A drill: played against a scenario's simulated platform, never a real one, and left out of production metrics.</summary>
    public bool IsDrill => Drill is not null;

    /// <summary>The title as it shows everywhere: a drill's says so first.</summary>
    public string Headline => IsDrill ? "[DRILL] " + Title : Title;
}
