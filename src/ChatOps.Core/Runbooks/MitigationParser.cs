using System.Text.RegularExpressions;
using ChatOps.Core.Checks;
using ChatOps.Core.Runs;

namespace ChatOps.Core.Runbooks;

/// <summary>Reads one entry of a runbook's <c>mitigations</c>.</summary>
internal static partial class MitigationParser
{
    /// <summary>Where an action goes when it names no target.</summary>
    public const string ClusterTarget = "cluster";
    public const string FlagsTarget = "flags";
    public const string BlocklistTarget = "platform-redis";

    /// <param name="checks">The runbook's check ids, which a block's candidates may name.</param>
    public static MitigationDefinition? Parse(YamlMap map, IReadOnlySet<string> checks)
    {
        var before = map.Errors.Count;
        var id = RunbookParser.Id(map, "id", "mitigation");
        var where = $"mitigation '{id}'";
        var title = map.Text("title", required: true);
        var when = map.Text("when", required: true);
        var emergency = map.Flag("emergency");
        var followUp = map.Text("follow-up");
        var actionMap = map.Map("action", $"{where} action", required: true);
        map.RejectUnknownKeys();
        var action = actionMap is null ? null : Action(actionMap, where, checks);
        // Approval guards what the bot changes; a manual step changes nothing by itself, so two approvers would guard nothing.
        if (emergency && action is ManualAction)
            map.Errors.Add(map.LineOf("emergency"), $"{where}: a manual step needs no approval, so it cannot be emergency: true; say when to use it in 'when'.");
        if (map.Errors.Count > before || id is null || title is null || when is null || action is null) return null;
        return new MitigationDefinition(id, title, when, emergency, action, followUp);
    }

    private static MitigationAction? Action(YamlMap map, string where, IReadOnlySet<string> checks)
    {
        var kind = map.Text("kind", required: true);
        MitigationAction? action = kind switch
        {
            null => null,
            "scale" => Scale(map, where),
            "set-flag" => SetFlag(map, where),
            "block" => new BlockAction(map.Text("target") ?? BlocklistTarget, map.Duration("expiry")) { Candidates = Candidates(map, where, checks) },
            "rollback" => map.Text("deployment", required: true) is { } d ? new RollbackAction(map.Text("target") ?? ClusterTarget, d) : null,
            "manual" => map.Text("steps", required: true) is { } steps ? new ManualAction(steps) : null,
            _ => Unknown(map, kind),
        };
        map.RejectUnknownKeys();
        return action;
    }

    private static ScaleAction? Scale(YamlMap map, string where)
    {
        var deployment = map.Text("deployment", required: true);
        var replicas = map.Text("replicas", required: true);
        if (replicas is not null && !Replicas().IsMatch(replicas))
            map.Errors.Add(map.LineOf("replicas"), $"{where}: replicas must be a number (6) or a change (+2, -1), not '{replicas}'.");
        return deployment is null || replicas is null ? null : new ScaleAction(map.Text("target") ?? ClusterTarget, deployment, replicas);
    }

    private static SetFlagAction? SetFlag(YamlMap map, string where)
    {
        var flag = map.Text("flag", required: true);
        var value = map.Text("value", required: true);
        if (flag is not null && !FlagName().IsMatch(flag))
            map.Errors.Add(map.LineOf("flag"), $"{where}: flag '{flag}' must be upper-case letters, digits and underscores (like SHED_RATE).");
        return flag is null || value is null ? null : new SetFlagAction(map.Text("target") ?? FlagsTarget, flag, value);
    }

    private static List<CandidateColumn> Candidates(YamlMap map, string where, IReadOnlySet<string> checks)
    {
        var candidates = new List<CandidateColumn>();
        foreach (var entry in map.Maps("candidates", i => $"{where} candidates[{i}]"))
        {
            var check = entry.Text("check", required: true);
            var column = entry.Text("column", required: true);
            entry.RejectUnknownKeys();
            if (check is not null && !checks.Contains(check))
                entry.Errors.Add(entry.LineOf("check"), $"{where}: candidates name check '{check}', which this runbook does not define.");
            else if (check is not null && column is not null) candidates.Add(new CandidateColumn(check, column));
        }
        return candidates;
    }

    private static MitigationAction? Unknown(YamlMap map, string kind)
    {
        map.Errors.Add(map.LineOf("kind"), $"unknown action kind '{kind}'; use scale, set-flag, block, rollback or manual.");
        map.MarkRead("target", "deployment", "replicas", "flag", "value", "expiry", "steps", "candidates");
        return null;
    }

    [GeneratedRegex(@"^[+-]?\d{1,4}$", RegexOptions.CultureInvariant)]
    private static partial Regex Replicas();

    [GeneratedRegex("^[A-Z][A-Z0-9_]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex FlagName();
}
