using ChatOps.Core.Runbooks;
using ChatOps.Core.Scenarios;

namespace ChatOps.Core.RunbookTests;

/// <summary>How a scenario's runbook test went: each expectation it broke, as <c>file:line: expected …, got …</c>.</summary>
public sealed record ScenarioTestResult(Scenario Scenario, IReadOnlyList<RunbookError> Failures, TimeSpan Elapsed)
{
    public bool Passed => Failures.Count == 0;
}
