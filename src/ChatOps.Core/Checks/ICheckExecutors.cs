using ChatOps.Core.Incidents;

namespace ChatOps.Core.Checks;

/// <summary>The check executors an incident may use: the configured targets', or for a drill only its scenario's.</summary>
public interface ICheckExecutors
{
    ICheckExecutor? For(Incident incident, string kind);
}
