using ChatOps.Core.Scenarios;

namespace ChatOps.Core.RunbookTests;

/// <summary>The scenario written from an incident, with what a reviewer should know about it, or why none could be.</summary>
public sealed record RecordedScenario(Scenario? Scenario, IReadOnlyList<string> Notes, string? Refusal)
{
    public static RecordedScenario Refused(string why) => new(null, [], why);
}
