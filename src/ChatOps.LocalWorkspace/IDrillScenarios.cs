namespace ChatOps.LocalWorkspace;

/// <summary>
/// The drills the bot can play, supplied by the host from the scenarios it loaded: the workspace stands in for Slack and
/// reads no scenario file itself. Without one registered the page offers no drills.
/// </summary>
public interface IDrillScenarios
{
    IReadOnlyList<DrillScenario> All { get; }
}
