using ChatOps.Core.Runbooks;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ChatOps.Core.Scenarios;

/// <summary>Reads one scenario file against the loaded runbooks; every problem is reported with its line, and a file with any problem yields no scenario.</summary>
internal static class ScenarioParser
{
    /// <param name="missingRunbook">The runbook the file names when that runbook is not loaded (then that is its only error).</param>
    public static (Scenario? Scenario, IReadOnlyList<RunbookError> Errors) Parse(string yaml, string file, RunbookCatalog runbooks, out string? missingRunbook)
    {
        missingRunbook = null;
        var errors = new RunbookErrorSink(file);
        const string Shape = "a scenario file holds exactly one mapping (id, title, runbook, answers, expect, ...).";
        if (YamlFiles.Root(yaml, errors, Shape) is not { } root) return (null, errors.Errors);

        var map = new YamlMap(root, errors, "scenario");
        var id = RunbookParser.Id(map, "id", "scenario");
        var title = map.Text("title", required: true);
        var summary = map.Text("summary");
        var runbookId = map.Text("runbook", required: true);
        var runbook = runbookId is null ? null : runbooks.Find(runbookId);
        if (runbookId is not null && runbook is null && errors.Count == 0) missingRunbook = runbookId;
        if (runbookId is not null && runbook is null)
            errors.Add(map.LineOf("runbook"), $"scenario: runbook '{runbookId}' is not loaded; the runbooks are {string.Join(", ", runbooks.All.Select(r => r.Id))}.");
        if (runbook is null)
        {
            // Without its runbook nothing else can be checked; the other keys are not typos.
            map.MarkRead("answers", "questions", "state", "expect");
            map.RejectUnknownKeys();
            return (null, errors.Errors);
        }
        var answers = AnswerParser.Parse(map, runbook);
        var questions = Questions(map, runbook);
        var state = StateParser.Parse(map, runbook);
        var expect = ExpectationParser.Parse(map, runbook);
        map.RejectUnknownKeys();
        if (errors.Count > 0 || id is null || title is null || state is null || expect is null) return (null, errors.Errors);
        return (new Scenario(id, title, runbook.Id, summary, answers, questions, state, expect, file), errors.Errors);
    }

    /// <summary>The answers people give to the questions the bot cannot answer from a check, by question id.</summary>
    private static Dictionary<string, bool> Questions(YamlMap scenario, Runbook runbook)
    {
        var questions = new Dictionary<string, bool>(StringComparer.Ordinal);
        if (scenario.Map("questions", "questions") is not { } map) return questions;
        foreach (var (node, line) in map.Keys())
        {
            var text = map.Text(node, required: true);
            var question = runbook.Decision?.Nodes.GetValueOrDefault(node);
            if (question is null)
                map.Errors.Add(line, $"questions: runbook {runbook.Id} has no question '{node}'.");
            else if (question.Answer is { } answer)
                map.Errors.Add(line, $"questions: the bot answers '{node}' from check {answer.Check}; change that check's answer instead.");
            else if (!Answers.TryRead(text, out var yes))
                map.Errors.Add(line, $"questions: answer '{node}' with yes or no, not '{text}'.");
            else
                questions[node] = yes;
        }
        return questions;
    }
}
