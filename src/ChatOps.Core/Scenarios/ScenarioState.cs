namespace ChatOps.Core.Scenarios;

/// <summary>
/// What mitigations act on, as the scenario starts: deployments by name, runtime flags by name (a flag not named is
/// unset), and the users or IPs already blocked (without expiry).
/// </summary>
public sealed record ScenarioState(
    IReadOnlyDictionary<string, DeploymentState> Deployments,
    IReadOnlyDictionary<string, string> Flags,
    IReadOnlyList<string> Blocked)
{
    public static ScenarioState Empty { get; } = new(new Dictionary<string, DeploymentState>(), new Dictionary<string, string>(), []);
}
