using ChatOps.Core.Checks;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Runs;

namespace ChatOps.Core.Decisions;

/// <summary>
/// Where a walk through a decision tree got to: the questions answered from evidence, then either a
/// leaf (<see cref="Leaf"/>) or a question only a person can answer (<see cref="Open"/>, with why).
/// </summary>
public sealed record DecisionWalk(IReadOnlyList<DecisionStep> Steps, DecisionLeaf? Leaf, DecisionNode? Open, string? WhyAsked);
