using ChatOps.Core.Checks;
using ChatOps.Core.Runs;
using YamlDotNet.RepresentationModel;

namespace ChatOps.Core.Runbooks;

/// <summary>Reads a runbook's <c>decision</c> tree and proves every reference in it.</summary>
internal static class DecisionParser
{
    public static DecisionTree? Parse(YamlMap map, IReadOnlySet<string> checks, IReadOnlySet<string> mitigations)
    {
        var before = map.Errors.Count;
        var start = map.Text("start", required: true);
        var entries = map.Entries("nodes", id => $"decision node '{id}'");
        map.RejectUnknownKeys();
        var nodes = new Dictionary<string, DecisionNode>(StringComparer.Ordinal);
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (id, node) in entries)
        {
            if (!RunbookParser.IsId(id))
                map.Errors.Add(node.Line, $"decision node id '{id}' must be lower-case letters, digits and hyphens.");
            lines[id] = node.Line;
            if (ParseNode(id, node, checks, mitigations) is { } parsed) nodes[id] = parsed;
        }
        if (entries.Count == 0) map.Errors.Add(map.Line, "decision: 'nodes' needs at least one question.");
        if (start is not null && entries.Count > 0 && !lines.ContainsKey(start))
            map.Errors.Add(map.LineOf("start"), $"decision: start '{start}' is not a node.");
        if (map.Errors.Count > before || start is null) return null;

        var tree = new DecisionTree(start, nodes);
        CheckShape(tree, lines, map.Errors);
        return map.Errors.Count > before ? null : tree;
    }

    private static DecisionNode? ParseNode(string id, YamlMap map, IReadOnlySet<string> checks, IReadOnlySet<string> mitigations)
    {
        var before = map.Errors.Count;
        var where = $"decision node '{id}'";
        var ask = map.Text("ask", required: true);
        DecisionAnswer? answer = null;
        if (map.Map("answer", $"{where} answer") is { } answerMap)
        {
            var check = answerMap.Text("check", required: true);
            var when = CheckParser.Condition(answerMap, "when", where);
            if (!answerMap.Has("when")) answerMap.Errors.Add(answerMap.Line, $"{where}: answer needs 'when', the condition for yes.");
            answerMap.RejectUnknownKeys();
            if (check is not null && !checks.Contains(check))
                map.Errors.Add(answerMap.LineOf("check"), $"{where}: answer refers to check '{check}', which this runbook does not define.");
            if (check is not null && when is not null) answer = new DecisionAnswer(check, when);
        }
        var yes = Branch(map, "yes", where, mitigations);
        var no = Branch(map, "no", where, mitigations);
        map.RejectUnknownKeys();
        return map.Errors.Count > before || ask is null || yes is null || no is null ? null : new DecisionNode(id, ask, answer, yes, no);
    }

    private static DecisionBranch? Branch(YamlMap map, string key, string where, IReadOnlySet<string> mitigations)
    {
        switch (map.Raw(key))
        {
            case null:
                map.Errors.Add(map.Line, $"{where}: '{key}' is required: a node id or {{ recommend: [...], advice: ... }}.");
                return null;
            case YamlScalarNode { Value: { } next } when !string.IsNullOrWhiteSpace(next):
                return new GoToNode(next.Trim());
            case YamlMappingNode:
                var leaf = map.Map(key, $"{where} {key}")!;
                var recommend = leaf.Texts("recommend");
                var advice = leaf.Text("advice");
                leaf.RejectUnknownKeys();
                foreach (var id in recommend.Where(r => !mitigations.Contains(r)))
                    map.Errors.Add(leaf.LineOf("recommend"), $"{where}: '{key}' recommends mitigation '{id}', which this runbook does not define.");
                if (recommend.Count == 0 && advice is null)
                    map.Errors.Add(leaf.Line, $"{where}: '{key}' needs recommend, advice, or both.");
                return new DecisionLeaf(recommend, advice);
            default:
                map.Errors.Add(map.LineOf(key), $"{where}: '{key}' must be a node id or {{ recommend: [...], advice: ... }}.");
                return null;
        }
    }

    /// <summary>Every branch leads to a node that exists, no path loops, and every node can be reached.</summary>
    private static void CheckShape(DecisionTree tree, Dictionary<string, int> lines, RunbookErrorSink errors)
    {
        foreach (var node in tree.Nodes.Values)
        {
            foreach (var next in new[] { node.Yes, node.No }.OfType<GoToNode>().Where(g => !tree.Nodes.ContainsKey(g.Node)))
                errors.Add(lines[node.Id], $"decision node '{node.Id}' leads to '{next.Node}', which is not a node.");
        }
        if (errors.Count > 0) return;

        var reached = new HashSet<string>(StringComparer.Ordinal);
        var onPath = new HashSet<string>(StringComparer.Ordinal);
        Visit(tree.Start);
        foreach (var unreached in tree.Nodes.Keys.Where(k => !reached.Contains(k)))
            errors.Add(lines[unreached], $"decision node '{unreached}' cannot be reached from start '{tree.Start}'.");

        void Visit(string id)
        {
            if (!onPath.Add(id))
            {
                errors.Add(lines[id], $"decision node '{id}' is part of a loop; a decision tree must end in leaves.");
                return;
            }
            if (reached.Add(id))
            {
                foreach (var next in new[] { tree.Nodes[id].Yes, tree.Nodes[id].No }.OfType<GoToNode>()) Visit(next.Node);
            }
            onPath.Remove(id);
        }
    }
}
