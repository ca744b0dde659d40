using ChatOps.Core.Checks;
using ChatOps.Core.Incidents;
using ChatOps.Core.Mitigations;
using ChatOps.Core.Scenarios;

namespace ChatOps.Core.Drills;

/// <summary>A scenario standing in for every target of a drill: checks answer what it says, mitigations change its state.</summary>
public interface ISimulatedTargets
{
    ICheckExecutor? Check(Incident drill, Scenario scenario, string kind);

    IMitigationExecutor? Mitigation(Incident drill, Scenario scenario, string kind);
}
