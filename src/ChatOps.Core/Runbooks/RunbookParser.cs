using System.Text.RegularExpressions;
using ChatOps.Core.Checks;
using ChatOps.Core.Runs;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ChatOps.Core.Runbooks;

/// <summary>Reads one runbook file; every problem is reported with its line, and a file with any problem yields no runbook.</summary>
internal static partial class RunbookParser
{
    /// <param name="configured">The deployment's values for a runbook id, over the defaults the runbook declares.</param>
    public static (Runbook? Runbook, IReadOnlyList<RunbookError> Errors) Parse(string yaml, string file, Func<string, IReadOnlyDictionary<string, double>> configured)
    {
        var errors = new RunbookErrorSink(file);
        const string Shape = "a runbook file holds exactly one mapping (id, title, checks, ...).";
        if (YamlFiles.Root(yaml, errors, Shape) is not { } root) return (null, errors.Errors);

        // Values come first: every other text may refer to them.
        var declaration = new YamlMap(root, errors, "runbook");
        var values = ValueReferences.Read(declaration, declaration.PeekText("id") is { } named ? configured(named) : new Dictionary<string, double>());
        var map = new YamlMap(root, errors, "runbook", values);
        map.MarkRead("values");
        var id = Id(map, "id", "runbook");
        var title = map.Text("title", required: true);
        var summary = map.Text("summary");
        var symptoms = map.Texts("symptoms");
        var alerts = map.Texts("alerts");
        var timebox = map.Duration("timebox");
        var notes = map.Texts("notes");
        var checkMaps = map.Maps("checks", i => $"checks[{i}]");
        var checks = checkMaps.Select(CheckParser.Parse).OfType<CheckDefinition>().ToList();
        var mitigationMaps = map.Maps("mitigations", i => $"mitigations[{i}]");
        var mitigations = mitigationMaps.Select(m => MitigationParser.Parse(m, Declared(checkMaps))).OfType<MitigationDefinition>().ToList();
        checks = KeepCandidateColumns(checks, mitigations);
        var checklists = map.Maps("checklists", i => $"checklists[{i}]")
            .Select(c => new Checklist(c.Text("title", required: true) ?? "", RequireItems(c)))
            .ToList();
        var decisionMap = map.Map("decision", "decision");
        map.RejectUnknownKeys();

        Unique(errors, "check", checkMaps);
        Unique(errors, "mitigation", mitigationMaps);
        // References are proved against every declared id, so that one broken check is not reported again at each use.
        var decision = decisionMap is null ? null : DecisionParser.Parse(decisionMap, Declared(checkMaps), Declared(mitigationMaps));

        if (errors.Count > 0 || id is null || title is null) return (null, errors.Errors);
        return (new Runbook(id, title, summary, symptoms, alerts, timebox, checks, decision, mitigations, checklists, notes, file)
        {
            Values = values.Values,
        }, errors.Errors);
    }

    /// <summary>Ids are lower-case words joined by hyphens, so they can be typed in chat and used in button values.</summary>
    public static string? Id(YamlMap map, string key, string what)
    {
        var id = map.Text(key, required: true);
        if (id is null) return null;
        if (IdPattern().IsMatch(id)) return id;
        map.Errors.Add(map.LineOf(key), $"{what} id '{id}' must be lower-case letters, digits and hyphens (like gpu-utilization).");
        return null;
    }

    public static bool IsId(string text) => IdPattern().IsMatch(text);

    /// <summary>A check whose rows a block offers as subjects keeps those columns on the timeline when it runs.</summary>
    private static List<CheckDefinition> KeepCandidateColumns(List<CheckDefinition> checks, List<MitigationDefinition> mitigations)
    {
        var sources = mitigations.Select(m => m.Action).OfType<BlockAction>().SelectMany(b => b.Candidates).ToList();
        return [.. checks.Select(c => sources.Any(s => s.Check == c.Id)
            ? c with { KeptColumns = [.. sources.Where(s => s.Check == c.Id).Select(s => s.Column).Distinct(StringComparer.Ordinal)] }
            : c)];
    }

    private static HashSet<string> Declared(IReadOnlyList<YamlMap> entries) =>
        entries.Select(e => e.PeekText("id")).OfType<string>().ToHashSet(StringComparer.Ordinal);

    private static List<string> RequireItems(YamlMap checklist)
    {
        var items = checklist.Texts("items");
        if (items.Count == 0) checklist.Errors.Add(checklist.Line, "a checklist needs at least one item.");
        checklist.RejectUnknownKeys();
        return [.. items];
    }

    private static void Unique(RunbookErrorSink errors, string what, IReadOnlyList<YamlMap> entries)
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (entry.PeekText("id") is not { } id) continue;
            var line = entry.LineOf("id");
            if (!first.TryAdd(id, line))
                errors.Add(line, $"duplicate {what} id '{id}' (first used on line {first[id]}); ids must be unique.");
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
