using System.Collections.Immutable;
using ChatOps.Core.Access;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Mitigations;

/// <summary>
/// A request to apply (or revert) one mitigation of a runbook in an incident, and where it stands. Immutable; the
/// store changes it only from the version it was read at, which is what makes execution happen at most once.
/// </summary>
public sealed record MitigationRequest
{
    public long Id { get; init; }

    /// <summary>Set when a work item requests it: a retried item gets the request its first attempt stored, not a second one.</summary>
    public string? Effect { get; init; }
    public required IncidentId Incident { get; init; }
    public required string Runbook { get; init; }
    public required string Mitigation { get; init; }
    public required string Title { get; init; }

    /// <summary>The runbook's "when to use", shown to approvers.</summary>
    public required string Why { get; init; }

    /// <summary>For a revert: the executed request whose recorded state it restores.</summary>
    public long? RevertOf { get; init; }

    /// <summary>What a <c>block</c> acts on: a user id or an IP address.</summary>
    public string? Subject { get; init; }

    public required PersonId RequestedBy { get; init; }
    public required DateTimeOffset RequestedAt { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
    public required int RequiredApprovals { get; init; }

    /// <summary>The state read live when it was requested, and what the change will make of it.</summary>
    public required string Current { get; init; }
    public required string Planned { get; init; }

    /// <summary>
    /// The state read live when it was requested, whole (<see cref="Current"/> is its description): what a reconciliation
    /// compares the target with to tell that an interrupted execution changed nothing. Null on requests from before it was kept.
    /// </summary>
    public MitigationState? CurrentState { get; init; }

    public RequestStatus Status { get; init; } = RequestStatus.Pending;
    public ImmutableList<PersonId> Approvers { get; init; } = [];
    public PersonId? DeniedBy { get; init; }
    public string? Reason { get; init; }
    public MitigationState? Before { get; init; }
    public MitigationState? After { get; init; }
    public string? Error { get; init; }

    /// <summary>When it last went to executing: an execution still unrecorded a lease after this was interrupted.</summary>
    public DateTimeOffset? ClaimedAt { get; init; }

    /// <summary>The request message in the thread, kept current as the request moves.</summary>
    public string? MessageId { get; init; }

    public int Version { get; init; }

    public string Name => $"MIT-{Id}";

    public bool IsRevert => RevertOf is not null;

    /// <summary>A step a person carries out (open → done); <see cref="Planned"/> holds the runbook's steps.</summary>
    public bool IsManual => Status is RequestStatus.Open or RequestStatus.Done;
}
