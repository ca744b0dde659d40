using System.Globalization;
using ChatOps.Core.Checks;
using ChatOps.Core.Commands;
using ChatOps.Core.Decisions;
using ChatOps.Core.Drills;
using ChatOps.Core.Expressions;
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
public sealed class ScenarioRecorder(
    IIncidentStore incidents, IMitigationStore requests, RunbookCatalog runbooks, IEnumerable<ISimulatedTargets> simulations)
{
    /// <param name="runbookId">The runbook to write the scenario of; the one the incident ran last when null.</param>
    public async Task<RecordedScenario> RecordAsync(Incident incident, string? runbookId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var timeline = await incidents.TimelineAsync(incident.Id, cancellationToken);
        runbookId ??= timeline.LastOrDefault(e => e.Kind == TimelineKind.RunbookStarted)?.Details.GetValueOrDefault("runbook");
        if (runbookId is null) return RecordedScenario.Refused($"{incident.Id} ran no runbook; a scenario plays one.");
        if (runbooks.Find(runbookId) is not { } runbook) return RecordedScenario.Refused($"Runbook '{runbookId}' is not loaded here.");
        var run = DecisionRecord.LatestRun(timeline, runbook.Id);
        if (run.Count == 0) return RecordedScenario.Refused($"{incident.Id} did not run {runbook.Id}.");

        var notes = new List<string>();
        var values = CheckValues.Latest(run, runbook.Id);
        var answers = runbook.Checks.ToDictionary(
            c => c.Id, c => Answer(incident, run, runbook, c, values.GetValueOrDefault(c.Id), notes), StringComparer.Ordinal);
        var made = (await requests.ListAsync(incident.Id, cancellationToken))
            .Where(r => r.Runbook == runbook.Id).OrderBy(r => r.Id).ToList();
        var path = run.Select(DecisionRecord.StepOf).OfType<(string Runbook, string Node, bool Yes)>()
            .Where(s => s.Runbook == runbook.Id).Select(s => new ExpectedStep(s.Node, s.Yes, 0)).ToList();
        var leaf = path.Count > 0 && runbook.Decision?.Nodes.GetValueOrDefault(path[^1].Node) is { } last
            ? DecisionWalker.Branch(last, path[^1].Yes) as DecisionLeaf
            : null;
        var grades = runbook.Checks.Select(c => new ExpectedGrade(c.Id, Grade(values.GetValueOrDefault(c.Id)), 0)).ToList();

        var id = incident.Id.ToString().ToLowerInvariant();
        var scenario = new Scenario(id, incident.Title, runbook.Id, $"Written from {incident.Id} ({incident.Severity.Label()}).",
            answers, DecisionRecord.PersonAnswers(run, runbook.Id), State(incident, runbook, made, notes),
            new ScenarioExpectation(grades, path, 0, leaf?.Recommend ?? [], 0, []), $"{id}.yaml");
        var mitigations = await ExpectedMitigationsAsync(incident, runbook, scenario, made, notes, cancellationToken);
        return new RecordedScenario(scenario with { Expect = scenario.Expect with { Mitigations = mitigations } }, notes, null);
    }

    private static CheckGrade Grade(IReadOnlyDictionary<string, ExpressionValue>? values) =>
        values is not null && values.TryGetValue("grade", out var grade)
        && Enum.TryParse<CheckGrade>(grade.Text, ignoreCase: true, out var parsed)
            ? parsed
            : CheckGrade.Error;

    private static ScenarioAnswer Answer(
        Incident incident, IReadOnlyList<TimelineEvent> run, Runbook runbook, CheckDefinition check,
        IReadOnlyDictionary<string, ExpressionValue>? values, List<string> notes)
    {
        var entry = run.LastOrDefault(e => e.Kind == TimelineKind.CheckRan
            && e.Details.GetValueOrDefault("runbook") == runbook.Id && e.Details.GetValueOrDefault("check") == check.Id);
        // An http check's latency is how long its target took; the drill waits as long, so the check reads the same.
        var delay = check.Kind == "http" && values is not null
            && values.TryGetValue("latency_ms", out var ms) && ms.Number is { } latency
            ? TimeSpan.FromMilliseconds(latency)
            : TimeSpan.Zero;
        if (entry?.Details.GetValueOrDefault(CheckRan.ReplyKey) is { } json && ReplyJson.Read(json) is { } reply)
            return new ScenarioAnswer(reply, delay);
        if (entry?.Details.GetValueOrDefault(CheckRan.ErrorKey) is { } error)
            return new ScenarioAnswer(new FailedReply(error), TimeSpan.Zero);
        var why = entry is null ? "has no result" : "kept no answer (too large, or recorded before answers were kept)";
        notes.Add($"check {check.Id} {why} in {incident.Id}: it answers with an error here; write its answer in.");
        return new ScenarioAnswer(new FailedReply($"{incident.Id} kept no answer of this check"), TimeSpan.Zero);
    }

    /// <summary>What the incident's mitigations found: each thing's state before its first change.</summary>
    private static ScenarioState State(
        Incident incident, Runbook runbook, IReadOnlyList<MitigationRequest> made, List<string> notes)
    {
        var replicas = new Dictionary<string, int>(StringComparer.Ordinal);
        var maxReplicas = new Dictionary<string, int>(StringComparer.Ordinal);
        var revisions = new Dictionary<string, IReadOnlyList<ScenarioRevision>>(StringComparer.Ordinal);
        var flags = new Dictionary<string, string>(StringComparer.Ordinal);
        var blocked = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var request in made)
        {
            // Before an execution, the state it read when requested; once executed, the state it changed.
            if (runbook.FindMitigation(request.Mitigation)?.Action is not { } action
                || (request.Before ?? request.CurrentState) is not { } before) continue;
            switch (action)
            {
                case ScaleAction scale:
                    // The scale's own limit is the target's; what the incident reached is the least it allowed.
                    var most = maxReplicas.GetValueOrDefault(scale.Deployment, DeploymentState.DefaultMaxReplicas);
                    if (Number(request.After, "replicas") is { } reached) maxReplicas[scale.Deployment] = (int)Math.Max(most, reached);
                    if (seen.Add($"replicas of {scale.Deployment}") && Number(before, "replicas") is { } count)
                        replicas[scale.Deployment] = (int)count;
                    break;
                case RollbackAction rollback when seen.Add($"template of {rollback.Deployment}"):
                    revisions[rollback.Deployment] = Revisions(before, request.After);
                    break;
                case SetFlagAction flag when seen.Add($"flag {flag.Flag}"):
                    if (before.Values.GetValueOrDefault("present") == "true" && before.Values.GetValueOrDefault("value") is { } value)
                        flags[flag.Flag] = value;
                    break;
                case BlockAction when request.Subject is { } subject && seen.Add($"block of {subject}"):
                    if (before.Values.GetValueOrDefault("blocked") == "true") blocked.Add(subject);
                    break;
            }
        }
        var deployments = new Dictionary<string, DeploymentState>(StringComparer.Ordinal);
        var acted = runbook.Mitigations.Select(m => m.Action switch
        {
            ScaleAction s => s.Deployment,
            RollbackAction r => r.Deployment,
            _ => null,
        });
        foreach (var name in acted.OfType<string>().Distinct())
        {
            if (!replicas.ContainsKey(name) && !revisions.ContainsKey(name))
                notes.Add($"deployment {name} was not read in {incident.Id}: its replicas (1) are a placeholder; write in what it runs.");
            deployments[name] = new DeploymentState(replicas.GetValueOrDefault(name, 1),
                maxReplicas.GetValueOrDefault(name, DeploymentState.DefaultMaxReplicas), revisions.GetValueOrDefault(name, []));
        }
        return new ScenarioState(deployments, flags, blocked);
    }

    private static long? Number(MitigationState? state, string key) =>
        long.TryParse(state?.Values.GetValueOrDefault(key), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
            ? n
            : null;

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
        var running = new ScenarioRevision(
            Number(before, "revision") ?? 2, before.Values.GetValueOrDefault("images") ?? before.Description);
        return after?.Values.GetValueOrDefault("images") is { } previous
            ? [new ScenarioRevision(Math.Min(Number(after, "revision") ?? running.Number - 1, running.Number - 1), previous), running]
            : [running];
    }

    /// <summary>Each mitigation the incident executed, once: the state it leaves in a drill of the scenario, and its revert.</summary>
    private async Task<List<ExpectedMitigation>> ExpectedMitigationsAsync(
        Incident incident, Runbook runbook, Scenario scenario, IReadOnlyList<MitigationRequest> made, List<string> notes,
        CancellationToken cancellationToken)
    {
        var expected = new List<ExpectedMitigation>();
        var simulated = simulations.SingleOrDefault();
        // No incident has id INC-0000-0000, so no recorded change moves the simulated state from the scenario's.
        var fresh = incident with { Id = default, Drill = scenario.Id };
        var executed = made.Where(r => !r.IsRevert && r.Status is RequestStatus.Executed or RequestStatus.Reverted)
            .DistinctBy(r => (r.Mitigation, r.Subject));
        foreach (var request in executed)
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
                expected.Add(new ExpectedMitigation(
                    request.Mitigation, request.Subject, preview.Planned, preview.Current.Description, 0));
            }
            catch (MitigationFailedException e)
            {
                notes.Add($"{request.Name} is left out of the expectations: in a drill it would fail ({e.Message}).");
            }
        }
        return expected;
    }
}
