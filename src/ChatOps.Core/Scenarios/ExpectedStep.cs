namespace ChatOps.Core.Scenarios;

/// <summary>One answered question on the path through the decision tree.</summary>
public sealed record ExpectedStep(string Node, bool Yes, int Line)
{
    public override string ToString() => $"{Node}: {(Yes ? "yes" : "no")}";
}
