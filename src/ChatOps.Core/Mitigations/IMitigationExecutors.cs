using ChatOps.Core.Incidents;

namespace ChatOps.Core.Mitigations;

/// <summary>The mitigation executors an incident may use: the configured targets', or for a drill only its scenario's.</summary>
public interface IMitigationExecutors
{
    IMitigationExecutor? For(Incident incident, string kind);
}
