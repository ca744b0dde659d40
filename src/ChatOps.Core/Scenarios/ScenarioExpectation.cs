namespace ChatOps.Core.Scenarios;

/// <summary>
/// What a run of the scenario must show: the grade of every check, the path through the decision tree to its leaf,
/// the mitigations that leaf recommends, and the state each listed mitigation leaves and its revert restores. Every
/// entry keeps its line, so that a failed expectation names file and line.
/// </summary>
public sealed record ScenarioExpectation(
    IReadOnlyList<ExpectedGrade> Grades,
    IReadOnlyList<ExpectedStep> Path,
    int PathLine,
    IReadOnlyList<string> Recommend,
    int RecommendLine,
    IReadOnlyList<ExpectedMitigation> Mitigations);
