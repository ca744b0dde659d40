namespace ChatOps.LocalWorkspace;

/// <summary>A drill the page offers under "Start a drill": the name <c>/incident drill</c> takes, and what happens in it.</summary>
public sealed record DrillScenario(string Name, string Title);
