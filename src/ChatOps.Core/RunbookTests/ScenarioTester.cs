using System.Diagnostics;
using ChatOps.Core.Access;
using ChatOps.Core.Chat;
using ChatOps.Core.Checks;
using ChatOps.Core.Commands;
using ChatOps.Core.Decisions;
using ChatOps.Core.Incidents;
using ChatOps.Core.Mitigations;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Scenarios;

namespace ChatOps.Core.RunbookTests;

/// <summary>
/// Tests a runbook against a scenario: plays the drill headless through the ordinary commands (the runbook run, people's
/// answers to the questions the tree asks, each expected mitigation requested, approved, reverted and approved again)
/// and compares what happened with the scenario's <c>expect</c> block. Each difference names the line of the
/// expectation it breaks.
/// </summary>
public sealed class ScenarioTester(
    CommandDispatcher commands, ChatDelivery chat, IIncidentStore incidents, IMitigationStore requests, RunbookCatalog runbooks)
{
    /// <summary>Who plays a tested drill: one person requests, two others approve (an emergency mitigation needs two).</summary>
    public static PersonId Requester { get; } = new(Platform, "requester");

    public static IReadOnlyList<PersonId> Approvers { get; } = [new(Platform, "approver-1"), new(Platform, "approver-2")];

    /// <summary>Where tested drills are declared: a chat platform of their own, which posts nowhere.</summary>
    public static ChatPlace Place { get; } = new(Platform, "runbook-tests");

    public const string Platform = "headless";

    public async Task<ScenarioTestResult> RunAsync(Scenario scenario, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var started = Stopwatch.StartNew();
        var failures = new List<RunbookError>();
        var runbook = runbooks.Find(scenario.Runbook) ?? throw new InvalidOperationException($"Scenario {scenario.Id} names runbook {scenario.Runbook}, which is not loaded.");
        // The drill verb declares the drill and runs its runbook, as in chat.
        var declared = await SayAsync(Requester, $"drill {scenario.Id}", cancellationToken);
        var drill = (await incidents.ListOpenAsync(Place, cancellationToken)).FirstOrDefault(i => i.Drill == scenario.Id);
        if (declared.Error is not null || drill is null)
        {
            failures.Add(new RunbookError(scenario.SourceFile, 1, $"expected the drill to start, got {declared.Error?.Message ?? "no drill incident"}"));
            return new ScenarioTestResult(scenario, failures, started.Elapsed);
        }

        var run = await AnswerQuestionsAsync(scenario, runbook, drill, cancellationToken);
        CompareGrades(scenario, runbook, run, failures);
        ComparePath(scenario, runbook, run, failures);
        foreach (var expected in scenario.Expect.Mitigations)
            await MitigateAsync(scenario, runbook, drill, expected, failures, cancellationToken);
        // Resolved, so that the next drill of the same scenario is the one found open.
        await SayAsync(Requester, $"resolve {drill.Id} runbook test finished", cancellationToken);
        return new ScenarioTestResult(scenario, failures, started.Elapsed);
    }

    /// <summary>Answers each question the tree asks that the scenario answers; returns the run's timeline then.</summary>
    private async Task<IReadOnlyList<TimelineEvent>> AnswerQuestionsAsync(Scenario scenario, Runbook runbook, Incident drill, CancellationToken cancellationToken)
    {
        for (var asked = 0; ; asked++)
        {
            var run = DecisionRecord.LatestRun(await incidents.TimelineAsync(drill.Id, cancellationToken), runbook.Id);
            if (asked > runbook.Decision?.Nodes.Count || OpenQuestion(runbook, run) is not { } open || !scenario.Questions.TryGetValue(open.Id, out var yes)) return run;
            await SayAsync(Requester, $"answer {drill.Id} {runbook.Id} {open.Id} {Answers.Write(yes)}", cancellationToken);
        }
    }

    private static DecisionNode? OpenQuestion(Runbook runbook, IReadOnlyList<TimelineEvent> run) =>
        runbook.Decision is { } tree && run.Count > 0
            ? DecisionWalker.Walk(tree, tree.Start, CheckValues.Latest(run, runbook.Id), DecisionRecord.PersonAnswers(run, runbook.Id)).Open
            : null;

    private static void CompareGrades(Scenario scenario, Runbook runbook, IReadOnlyList<TimelineEvent> run, List<RunbookError> failures)
    {
        var results = run.Where(e => e.Kind == TimelineKind.CheckRan && e.Details.GetValueOrDefault("runbook") == runbook.Id)
            .GroupBy(e => e.Details["check"], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        var grades = CheckValues.Latest(run, runbook.Id);
        foreach (var expected in scenario.Expect.Grades)
        {
            var want = expected.Grade.ToString().ToLowerInvariant();
            var got = grades.GetValueOrDefault(expected.Check) is { } values && values.TryGetValue("grade", out var grade) ? grade.Text : null;
            if (got != want)
            {
                var what = results.TryGetValue(expected.Check, out var result) ? result.Text[(result.Text.IndexOf("· ", StringComparison.Ordinal) + 2)..] : "it did not run";
                failures.Add(new RunbookError(scenario.SourceFile, expected.Line, $"expected {expected.Check} {want}, got {got ?? "no result"} ({what})"));
            }
        }
    }

    private static void ComparePath(Scenario scenario, Runbook runbook, IReadOnlyList<TimelineEvent> run, List<RunbookError> failures)
    {
        var path = run.Select(DecisionRecord.StepOf).OfType<(string Runbook, string Node, bool Yes)>()
            .Where(s => s.Runbook == runbook.Id).Select(s => new ExpectedStep(s.Node, s.Yes, 0)).ToList();
        var expected = scenario.Expect.Path;
        if (!path.Select(s => (s.Node, s.Yes)).SequenceEqual(expected.Select(s => (s.Node, s.Yes))))
        {
            var open = OpenQuestion(runbook, run) switch
            {
                { Answer: { } answer } node => $" (then stops at '{node.Id}': check {answer.Check} gave no result to answer it from)",
                { } node => $" (then asks '{node.Id}', which the scenario's questions do not answer)",
                null => "",
            };
            failures.Add(new RunbookError(scenario.SourceFile, scenario.Expect.PathLine,
                $"expected path {Describe(expected)}, got {Describe(path)}{open}"));
        }
        var leaf = path.Count > 0 && runbook.Decision?.Nodes.GetValueOrDefault(path[^1].Node) is { } last
            ? DecisionWalker.Branch(last, path[^1].Yes) as DecisionLeaf
            : null;
        var recommended = leaf?.Recommend ?? [];
        if (!recommended.SequenceEqual(scenario.Expect.Recommend, StringComparer.Ordinal))
        {
            failures.Add(new RunbookError(scenario.SourceFile, scenario.Expect.RecommendLine,
                $"expected recommend [{string.Join(", ", scenario.Expect.Recommend)}], got {(leaf is null ? "no recommendation (the path ends at no leaf)" : $"[{string.Join(", ", recommended)}]")}"));
        }
    }

    private static string Describe(IReadOnlyList<ExpectedStep> path) => path.Count == 0 ? "(no question answered)" : string.Join(" → ", path);

    /// <summary>Requests, approves and checks one mitigation, then its revert, each against the state the scenario expects.</summary>
    private async Task MitigateAsync(Scenario scenario, Runbook runbook, Incident drill, ExpectedMitigation expected, List<RunbookError> failures, CancellationToken cancellationToken)
    {
        void Fail(string got) => failures.Add(new RunbookError(scenario.SourceFile, expected.Line, $"expected {expected.Mitigation} to leave {expected.After} and its revert {expected.Reverted}, got {got}"));

        var applied = await RequestAndApproveAsync(drill, $"mitigate {drill.Id} {runbook.Id}/{expected.Mitigation} {expected.Subject}".TrimEnd(), cancellationToken);
        if (applied.Failure is { } failed)
        {
            Fail(failed);
            return;
        }
        var reverted = await RequestAndApproveAsync(drill, $"revert {applied.Request!.Name}", cancellationToken);
        var after = applied.Request.After!.Description;
        if (reverted.Failure is { } notReverted) Fail($"{after}, and the revert {notReverted}");
        else if (after != expected.After || reverted.Request!.After!.Description != expected.Reverted) Fail($"{after} and {reverted.Request!.After!.Description}");
    }

    private async Task<(MitigationRequest? Request, string? Failure)> RequestAndApproveAsync(Incident drill, string command, CancellationToken cancellationToken)
    {
        var earlier = (await requests.ListAsync(drill.Id, cancellationToken)).Select(r => r.Id).ToHashSet();
        var said = await SayAsync(Requester, command, cancellationToken);
        if (said.Error is { } refused) return (null, $"refused: {refused.Message}");
        var request = (await requests.ListAsync(drill.Id, cancellationToken)).Single(r => !earlier.Contains(r.Id));
        foreach (var approver in Approvers.Take(request.RequiredApprovals))
        {
            if ((await SayAsync(approver, $"approve {request.Name}", cancellationToken)).Error is { } notApproved)
                return (null, $"{request.Name} not approved: {notApproved.Message}");
        }
        var done = (await requests.FindAsync(request.Id, cancellationToken))!;
        return done.Status == RequestStatus.Executed ? (done, null) : (null, $"{done.Name} {RequestTransitions.Name(done.Status)}: {done.Error}");
    }

    private async Task<CommandResult> SayAsync(PersonId person, string text, CancellationToken cancellationToken)
    {
        var context = new CommandContext(new Actor(person), Place);
        var result = await commands.DispatchAsync(text, context, cancellationToken);
        await chat.DeliverAsync(result.Messages, context.Actor, context.Place, cancellationToken);
        return result;
    }
}
