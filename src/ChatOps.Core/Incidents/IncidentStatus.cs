namespace ChatOps.Core.Incidents;

/// <summary>Moves forward only: investigating → identified → mitigated → resolved.</summary>
public enum IncidentStatus
{
    Investigating = 0,
    Identified = 1,
    Mitigated = 2,
    Resolved = 3,
}
