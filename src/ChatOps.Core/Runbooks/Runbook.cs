using ChatOps.Core.Checks;
using ChatOps.Core.Runs;

namespace ChatOps.Core.Runbooks;

/// <summary>A runbook as loaded from <c>runbooks/*.yaml</c>: prose for responders, checks, a decision tree, mitigations.</summary>
public sealed record Runbook(
    string Id,
    string Title,
    string? Summary,
    IReadOnlyList<string> Symptoms,
    IReadOnlyList<string> Alerts,
    TimeSpan? Timebox,
    IReadOnlyList<CheckDefinition> Checks,
    DecisionTree? Decision,
    IReadOnlyList<MitigationDefinition> Mitigations,
    IReadOnlyList<Checklist> Checklists,
    IReadOnlyList<string> Notes,
    string SourceFile)
{
    /// <summary>The runbook's values as this deployment uses them: its defaults, or what <c>Runbooks:Values</c> sets.</summary>
    public IReadOnlyDictionary<string, double> Values { get; init; } = new Dictionary<string, double>();

    public CheckDefinition? FindCheck(string id) => Checks.FirstOrDefault(c => c.Id == id);

    public MitigationDefinition? FindMitigation(string id) => Mitigations.FirstOrDefault(m => m.Id == id);
}

public sealed record Checklist(string Title, IReadOnlyList<string> Items);
