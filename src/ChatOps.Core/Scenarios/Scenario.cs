namespace ChatOps.Core.Scenarios;

/// <summary>
/// A drill scenario (<c>scenarios/*.yaml</c>): a runbook's platform at one moment. What each check's target answers,
/// what people answer to the questions only they can, the state mitigations act on, and what a run against it must
/// show (<see cref="Expect"/>), so that the same file trains responders and tests the runbook.
/// </summary>
public sealed record Scenario(
    string Id,
    string Title,
    string Runbook,
    string? Summary,
    IReadOnlyDictionary<string, ScenarioAnswer> Answers,
    IReadOnlyDictionary<string, bool> Questions,
    ScenarioState State,
    ScenarioExpectation Expect,
    string SourceFile);
