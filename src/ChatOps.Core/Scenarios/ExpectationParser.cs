using ChatOps.Core.Checks;
using ChatOps.Core.Runbooks;
using YamlDotNet.RepresentationModel;

namespace ChatOps.Core.Scenarios;

/// <summary>
/// Reads a scenario's <c>expect</c>: a grade for every check of the runbook, the path through its decision tree (each
/// question and its answer, in order), the mitigations the path's leaf recommends, and mitigations to apply and revert
/// with the state descriptions each must leave.
/// </summary>
internal static class ExpectationParser
{
    public static ScenarioExpectation? Parse(YamlMap scenario, Runbook runbook)
    {
        var before = scenario.Errors.Count;
        var map = scenario.Map("expect", "expect", required: true);
        if (map is null) return null;
        var grades = Grades(map, runbook);
        var path = Path(map, runbook);
        var recommend = map.Texts("recommend");
        foreach (var id in recommend.Where(id => runbook.FindMitigation(id) is null))
            map.Errors.Add(map.KeyLine("recommend"), $"expect: runbook {runbook.Id} has no mitigation '{id}'.");
        var mitigations = map.Entries("mitigations", id => $"expect: mitigation '{id}'").Select(e => Mitigation(e.Key, e.Map, runbook)).ToList();
        map.RejectUnknownKeys();
        return scenario.Errors.Count > before
            ? null
            : new ScenarioExpectation(grades, path, map.KeyLine("path"), recommend, map.KeyLine("recommend"), [.. mitigations.OfType<ExpectedMitigation>()]);
    }

    private static List<ExpectedGrade> Grades(YamlMap map, Runbook runbook)
    {
        var grades = new List<ExpectedGrade>();
        if (map.Map("grades", "expect: grades", required: true) is not { } gradeMap) return grades;
        foreach (var (check, line) in gradeMap.Keys())
        {
            var text = gradeMap.Text(check, required: true);
            if (runbook.FindCheck(check) is null)
                gradeMap.Errors.Add(line, $"expect: runbook {runbook.Id} has no check '{check}'.");
            else if (text is not null && Enum.TryParse<CheckGrade>(text, ignoreCase: true, out var grade) && text.All(char.IsAsciiLetterLower))
                grades.Add(new ExpectedGrade(check, grade, line));
            else if (text is not null)
                gradeMap.Errors.Add(line, $"expect: '{text}' is not a grade; use ok, warn, critical or error.");
        }
        var missing = runbook.Checks.Where(c => !gradeMap.Keys().Any(k => k.Key == c.Id)).Select(c => c.Id).ToList();
        if (missing.Count > 0) gradeMap.Errors.Add(map.KeyLine("grades"), $"expect: grades name every check of runbook {runbook.Id}; missing: {string.Join(", ", missing)}.");
        return grades;
    }

    private static List<ExpectedStep> Path(YamlMap map, Runbook runbook)
    {
        var steps = new List<ExpectedStep>();
        switch (map.Raw("path"))
        {
            case null:
                if (runbook.Decision is not null) map.Errors.Add(map.Line, "expect: 'path' lists the questions the run answers, in order, e.g. - gpu-saturated: yes");
                return steps;
            case YamlSequenceNode sequence:
                foreach (var item in sequence)
                {
                    var step = item is YamlMappingNode { Children.Count: 1 } one ? one.Children.First() : default;
                    if (step.Key is YamlScalarNode { Value: { } node } && step.Value is YamlScalarNode answer && Answers.TryRead(answer.Value, out var yes))
                    {
                        if (runbook.Decision?.Nodes.ContainsKey(node) != true)
                            map.Errors.Add(YamlMap.Line0(item), $"expect: runbook {runbook.Id} has no question '{node}'.");
                        steps.Add(new ExpectedStep(node, yes, YamlMap.Line0(item)));
                    }
                    else
                    {
                        map.Errors.Add(YamlMap.Line0(item), "expect: each step of 'path' is one question and its answer, e.g. - gpu-saturated: yes");
                    }
                }
                return steps;
            case var other:
                map.Errors.Add(YamlMap.Line0(other), "expect: 'path' is a list of steps, e.g. - gpu-saturated: yes");
                return steps;
        }
    }

    private static ExpectedMitigation? Mitigation(string id, YamlMap map, Runbook runbook)
    {
        var subject = map.Text("subject");
        var after = map.Text("after", required: true);
        var reverted = map.Text("reverted", required: true);
        map.RejectUnknownKeys();
        switch (runbook.FindMitigation(id)?.Action)
        {
            case null:
                map.Errors.Add(map.Line, $"expect: runbook {runbook.Id} has no mitigation '{id}'.");
                return null;
            case ManualAction:
                map.Errors.Add(map.Line, $"expect: mitigation '{id}' is manual; a person does it, so it changes no state to expect.");
                return null;
            case BlockAction when subject is null:
                map.Errors.Add(map.Line, $"expect: mitigation '{id}' blocks someone; name them with 'subject' (a user id or IP).");
                return null;
            case not BlockAction when subject is not null:
                map.Errors.Add(map.LineOf("subject"), $"expect: mitigation '{id}' takes no subject.");
                return null;
        }
        return after is null || reverted is null ? null : new ExpectedMitigation(id, subject, after, reverted, map.Line);
    }
}
