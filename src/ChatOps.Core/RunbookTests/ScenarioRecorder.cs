using System.Globalization;
using ChatOps.Core.Checks;
using ChatOps.Core.Commands;
using ChatOps.Core.Decisions;
using ChatOps.Core.Drills;
using ChatOps.Core.Incidents;
using ChatOps.Core.Mitigations;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Scenarios;

namespace ChatOps.Core.RunbookTests;

/// <summary>
/// An incident as a scenario of a runbook it ran, from what its timeline and requests recorded: each check's answer
/// (kept redacted when the check ran), people's answers to the tree's questions, and the state its mitigations found.
/// What the run showed becomes the expectations: the grades, the path and its recommendation, and for each mitigation
/// it executed the states the same change leaves and restores in a drill.
/// </summary>
public sealed class ScenarioRecorder(IIncidentStore incidents, IMitigationStore requests, RunbookCatalog runbooks, IEnumerable<ISimulatedTargets> simulations)
{
    /// <param name="runbookId">The runbook to write the scenario of; the one the incident ran last when null.</param>
    public async Task<RecordedScenario> RecordAsync(Incident incident, string? runbookId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var timeline = await incidents.TimelineAsync(incident.Id, cancellationToken);
        runbookId ??= timeline.LastOrDefault(e => e.Kind == TimelineKind.RunbookStarted)?.Details.GetValueOrDefault("runbook");
        if (runbookId is null) return RecordedScenario.Refused($"{incident.Id} ran no runbook; a scenario plays one.");
        if (runbooks.Find(runbookId) is not { } runbook) return RecordedScenario.Refused($"Runbook '{CommandTable.Shorten(runbookId)}' is not loaded here.");
        var run = DecisionRecord.LatestRun(timeline, runbook.Id);
        if (run.Count == 0) return RecordedScenario.Refused($"{incident.Id} did not run {runbook.Id}.");

        var notes = new List<string>();
        var values = CheckValues.Latest(run, runbook.Id);
        var answers = runbook.Checks.ToDictionary(c => c.Id, c => Answer(incident, run, runbook, c, values.GetValueOrDefault(c.Id), notes), StringComparer.Ordinal);
        var executed = (await requests.ListAsync(incident.Id, cancellationToken)).Where(r => r.Runbook == runbook.Id).OrderBy(r => r.Id).ToList();
        var path = run.Select(DecisionRecord.StepOf).OfType<(string Runbook, string Node, bool Yes)>()
            .Where(s => s.Runbook == runbook.Id).Select(s => new ExpectedStep(s.Node, s.Yes, 0)).ToList();
        var leaf = path.Count > 0 && runbook.Decision?.Nodes.GetValueOrDefault(path[^1].Node) is { } last
            ? DecisionWalker.Branch(last, path[^1].Yes) as DecisionLeaf
            : null;
        var grades = runbook.Checks
            .Select(c => new ExpectedGrade(c.Id, Enum.Parse<CheckGrade>(values.GetValueOrDefault(c.Id)?.GetValueOrDefault("grade").Text ?? "error", ignoreCase: true), 0))
            .ToList();

        var id = incident.Id.ToString().ToLowerInvariant();
        var scenario = new Scenario(id, incident.Title, runbook.Id, $"Written from {incident.Id} ({incident.Severity.Label()}).", answers,
            DecisionRecord.PersonAnswers(run, runbook.Id), State(incident, runbook, executed, notes),
            new ScenarioExpectation(grades, path, 0, leaf?.Recommend ?? [], 0, []), $"{id}.yaml");
        var mitigations = await ExpectedMitigationsAsync(incident, runbook, scenario, executed, notes, cancellationToken);
        return new RecordedScenario(scenario with { Expect = scenario.Expect with { Mitigations = mitigations } }, notes, null);
    }

    private static ScenarioAnswer Answer(
        Incident incident, IReadOnlyList<TimelineEvent> run, Runbook runbook, CheckDefinition check,
        IReadOnlyDictionary<string, Expressions.ExpressionValue>? values, List<string> notes)
    {
        var entry = run.LastOrDefault(e => e.Kind == TimelineKind.CheckRan && e.Details.GetValueOrDefault("runbook") == runbook.Id
            && e.Details.GetValueOrDefault("check") == check.Id);
        // An http check's latency is how long its target took; the drill waits as long, so the check reads the same.
        var delay = values?.GetValueOrDefault("latency_ms").Number is { } ms && check.Kind == "http" ? TimeSpan.FromMilliseconds(ms) : TimeSpan.Zero;
        if (entry?.Details.GetValueOrDefault(CheckRan.ReplyKey) is { } json && ReplyJson.Read(json) is { } reply) return new ScenarioAnswer(reply, delay);
        if (entry?.Details.GetValueOrDefault(CheckRan.ErrorKey) is { } error) return new ScenarioAnswer(new FailedReply(error), TimeSpan.Zero);
        var why = entry is null ? "has no result" : "kept no answer (too large, or recorded before answers were kept)";
        notes.Add($"check {check.Id} {why} in {incident.Id}: it answers with an error here; write its answer in.");
        return new ScenarioAnswer(new FailedReply($"{incident.Id} kept no answer of this check"), TimeSpan.Zero);
    }

    /// <summary>What the incident's mitigations found before they first changed it: each thing's state before its first change.</summary>
    private static ScenarioState State(Incident incident, Runbook runbook, IReadOnlyList<MitigationRequest> executed, List<string> notes)
    {
        var replicas = new Dictionary<string, int>(StringComparer.Ordinal);
        var maxReplicas = new Dictionary<string, int>(StringComparer.Ordinal);
        var revisions = new Dictionary<string, IReadOnlyList<ScenarioRevision>>(StringComparer.Ordinal);
        var flags = new Dictionary<string, string>(StringComparer.Ordinal);
        var blocked = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var request in executed)
        {
            if (runbook.FindMitigation(request.Mitigation)?.Action is not { } action || (request.Before ?? request.CurrentState) is not { } before) continue;
            var after = request.After;
            switch (action)
            {
                case ScaleAction scale:
                    if (after?.Values.GetValueOrDefault("replicas") is { } planned && int.TryParse(planned, CultureInfo.InvariantCulture, out var n))
                        maxReplicas[scale.Deployment] = Math.Max(maxReplicas.GetValueOrDefault(scale.Deployment, DeploymentState.DefaultMaxReplicas), n);
                    if (seen.Add($"replicas of {scale.Deployment}") && int.TryParse(before.Values.GetValueOrDefault("replicas"), CultureInfo.InvariantCulture, out var count))
                        replicas[scale.Deployment] = count;
                    break;
                case RollbackAction rollback when seen.Add($"template of {rollback.Deployment}"):
                    revisions[rollback.Deployment] = Revisions(before, after);
                    break;
                case SetFlagAction flag when seen.Add($"flag {flag.Flag}"):
                    if (before.Values.GetValueOrDefault("present") == "true" && before.Values.GetValueOrDefault("value") is { } value) flags[flag.Flag] = value;
                    break;
                case BlockAction when request.Subject is { } subject && seen.Add($"block of {subject}"):
                    if (before.Values.GetValueOrDefault("blocked") == "true") blocked.Add(subject);
                    break;
            }
        }
        var deployments = new Dictionary<string, DeploymentState>(StringComparer.Ordinal);
        foreach (var name in runbook.Mitigations.Select(m => m.Action switch { ScaleAction s => s.Deployment, RollbackAction r => r.Deployment, _ => null }).OfType<string>().Distinct())
        {
            if (!replicas.ContainsKey(name) && !revisions.ContainsKey(name))
                notes.Add($"deployment {name} was not read in {incident.Id}: its replicas (1) are a placeholder; write in what it runs.");
            deployments[name] = new DeploymentState(replicas.GetValueOrDefault(name, 1), maxReplicas.GetValueOrDefault(name, DeploymentState.DefaultMaxReplicas), revisions.GetValueOrDefault(name, []));
        }
        return new ScenarioState(deployments, flags, blocked);
    }

    /// <summary>
    /// The history a rollback went back in: a drill's records it whole; a real one, the revision it ran and the one it
    /// rolled back to, by image.
    /// </summary>
    private static List<ScenarioRevision> Revisions(MitigationState before, MitigationState? after)
    {
        if (before.Values.GetValueOrDefault("history") is { } history)
        {
            return [.. history.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ', 2))
                .Select(p => new ScenarioRevision(long.Parse(p[0], CultureInfo.InvariantCulture), p[1]))];
        }
        static long? Number(MitigationState? state) => long.TryParse(state?.Values.GetValueOrDefault("revision"), CultureInfo.InvariantCulture, out var n) ? n : null;
        var running = new ScenarioRevision(Number(before) ?? 2, before.Values.GetValueOrDefault("images") ?? before.Description);
        return after?.Values.GetValueOrDefault("images") is { } previous
            ? [new ScenarioRevision(Math.Min(Number(after) ?? running.Number - 1, running.Number - 1), previous), running]
            : [running];
    }

    /// <summary>Each mitigation the incident executed, once: the state it leaves in a drill of the scenario and the state its revert restores.</summary>
    private async Task<List<ExpectedMitigation>> ExpectedMitigationsAsync(
        Incident incident, Runbook runbook, Scenario scenario, IReadOnlyList<MitigationRequest> executed, List<string> notes, CancellationToken cancellationToken)
    {
        var expected = new List<ExpectedMitigation>();
        var simulated = simulations.SingleOrDefault();
        // No incident has id INC-0000-0000, so no recorded change moves the simulated state from the scenario's.
        var fresh = incident with { Id = default, Drill = scenario.Id };
        foreach (var request in executed.Where(r => !r.IsRevert && r.Status is RequestStatus.Executed or RequestStatus.Reverted).DistinctBy(r => (r.Mitigation, r.Subject)))
        {
            var action = runbook.FindMitigation(request.Mitigation)?.Action;
            if (action is null or ManualAction) continue;
            if (simulated?.Mitigation(fresh, scenario, action.Kind) is not { } executor)
            {
                notes.Add($"{request.Name} is left out of the expectations: no simulated targets here to say what it leaves.");
                continue;
            }
            try
            {
                var preview = await executor.PreviewAsync(action, request.Subject, cancellationToken);
                expected.Add(new ExpectedMitigation(request.Mitigation, request.Subject, preview.Planned, preview.Current.Description, 0));
            }
            catch (MitigationFailedException e)
            {
                notes.Add($"{request.Name} is left out of the expectations: in a drill it would fail ({e.Message}).");
            }
        }
        return expected;
    }
}

/// <summary>The scenario written from an incident, with what a reviewer should know about it, or why none could be.</summary>
public sealed record RecordedScenario(Scenario? Scenario, IReadOnlyList<string> Notes, string? Refusal)
{
    public static RecordedScenario Refused(string why) => new(null, [], why);
}
