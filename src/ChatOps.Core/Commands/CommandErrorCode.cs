namespace ChatOps.Core.Commands;

public enum CommandErrorCode
{
    Empty,
    UnknownVerb,
    MissingTitle,
    MissingArgument,
    BadSeverity,
    BadUser,
    UnexpectedArgument,
    TooLong,
    UnknownIncident,
    NoIncidentHere,
    AmbiguousIncident,
    UnknownRunbook,
    UnknownCheck,
    NotAllowed,
    InvalidTransition,
    BadIncidentId,
    UnknownQuestion,
    UnknownActionItem,
    BadRequestId,
    UnknownRequest,
    UnknownMitigation,
    BadSubject,
    UnknownAlert,
    UnknownScenario,
}
