using ChatOps.Core.Incidents;

namespace ChatOps.Core.Incidents;

/// <summary>What happened. Stored by name (kebab case), so members may be added but never renamed.</summary>
public enum TimelineKind
{
    AlertFired,
    Declared,
    SeverityChanged,
    CommanderSet,
    StatusChanged,
    Note,
    ImpactSet,
    RootCauseIdentified,
    ActionItemAdded,
    LessonAdded,
    RunbookStarted,
    CheckRan,
    DecisionTaken,
    MitigationRequested,
    MitigationApproved,
    MitigationDenied,
    MitigationExecuted,
    MitigationFailed,
    MitigationReverted,
    PostmortemPosted,
    Resolved,
    ActionItemCompleted,
    MitigationExpired,
    SeverityConfirmed,
    MitigationDone,
    AlertResolved,
}
