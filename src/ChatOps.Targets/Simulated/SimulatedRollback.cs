using System.Globalization;
using ChatOps.Core.Incidents;
using ChatOps.Core.Mitigations;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Scenarios;

namespace ChatOps.Targets.Simulated;

/// <summary>
/// A drill's <c>rollback</c>, as <c>kubectl rollout undo</c> does it: the previous revision's image runs again, as the
/// newest revision (the controller renumbers the revision it rolls back to). What a deployment runs is its image, so
/// that is what a revert's check compares.
/// </summary>
internal sealed class SimulatedRollback(Incident drill, Scenario scenario, SimulatedState state) : SimulatedMitigation(drill, scenario, state)
{
    private const string ImageKey = "image";
    private const string HistoryKey = "history";

    public override string Kind => "rollback";

    public override bool IsUnchanged(MitigationState left, MitigationState live) =>
        left.Values.GetValueOrDefault(ImageKey) is { } image && image == live.Values.GetValueOrDefault(ImageKey);

    protected override MitigationState Initial(MitigationAction action, string? subject) =>
        State(SimulatedState.Deployment(Scenario, ((RollbackAction)action).Deployment).Revisions);

    protected override MitigationState Plan(MitigationAction action, string? subject, MitigationState current)
    {
        var name = ((RollbackAction)action).Deployment;
        var history = History(current);
        if (history.Count == 0) throw new MitigationFailedException($"deployment {name} has no rollout history to roll back to");
        if (history.Count == 1) throw new MitigationFailedException($"deployment {name} has no previous revision to roll back to (only revision {history[0].Number})");
        var previous = history[^2];
        if (previous.Image == history[^1].Image)
            throw new MitigationFailedException($"deployment {name} already runs the template of revision {previous.Number}; nothing to roll back");
        return State([.. history.Where(r => r != previous), previous with { Number = history[^1].Number + 1 }]);
    }

    private static MitigationState State(IReadOnlyList<ScenarioRevision> history)
    {
        var running = history.Count == 0 ? null : history[^1];
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [HistoryKey] = string.Join('\n', history.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Number} {r.Image}"))),
        };
        if (running is not null) values[ImageKey] = running.Image;
        return new MitigationState(running is null ? "no revision" : $"image {running.Image}", values);
    }

    private static List<ScenarioRevision> History(MitigationState state) =>
        [.. state.Values.GetValueOrDefault(HistoryKey, "").Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ', 2))
            .Select(parts => new ScenarioRevision(long.Parse(parts[0], CultureInfo.InvariantCulture), parts[1]))];
}
