using System.Globalization;
using ChatOps.Core.Checks;
using ChatOps.Core.Expressions;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Runs;

namespace ChatOps.Core.Decisions;

/// <summary>
/// Walks a decision tree from a node: a question with an <c>answer</c> is answered from its check's values;
/// the walk stops at a leaf, or at the first question that needs a person (no answer, or no usable evidence).
/// </summary>
public static class DecisionWalker
{
    /// <param name="answered">Questions people have already answered (node → yes), followed without asking again.</param>
    public static DecisionWalk Walk(
        DecisionTree tree,
        string from,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, ExpressionValue>> evidence,
        IReadOnlyDictionary<string, bool>? answered = null)
    {
        var steps = new List<DecisionStep>();
        var node = tree.Nodes[from];
        // The loader refuses loops, so a walk visits each node at most once; the bound is a second guard.
        for (var guard = 0; guard <= tree.Nodes.Count; guard++)
        {
            if (answered?.TryGetValue(node.Id, out var byPerson) == true)
            {
                if (Follow(tree, byPerson ? node.Yes : node.No) is { } after) node = after;
                else return new DecisionWalk(steps, (DecisionLeaf)(byPerson ? node.Yes : node.No), null, null);
                continue;
            }
            if (node.Answer is not { } answer) return new DecisionWalk(steps, null, node, null);
            if (!evidence.TryGetValue(answer.Check, out var values))
                return new DecisionWalk(steps, null, node, $"check {answer.Check} has no result yet");
            if (values.TryGetValue("grade", out var grade) && grade.Text == "error")
                return new DecisionWalk(steps, null, node, $"check {answer.Check} failed, so the evidence is missing");
            bool yes;
            try
            {
                yes = answer.When.Evaluate(values);
            }
            catch (ExpressionException e)
            {
                return new DecisionWalk(steps, null, node, $"check {answer.Check} cannot answer it: {e.Message}");
            }
            steps.Add(new DecisionStep(node, yes, Evidence(answer, values, yes)));
            switch (yes ? node.Yes : node.No)
            {
                case DecisionLeaf leaf:
                    return new DecisionWalk(steps, leaf, null, null);
                case GoToNode next:
                    node = tree.Nodes[next.Node];
                    break;
            }
        }
        throw new InvalidOperationException("The decision tree loops; the loader should have refused it.");
    }

    private static DecisionNode? Follow(DecisionTree tree, DecisionBranch branch) => branch is GoToNode next ? tree.Nodes[next.Node] : null;

    /// <summary>The branch taken when a person answers <paramref name="node"/>.</summary>
    public static DecisionBranch Branch(DecisionNode node, bool yes) => yes ? node.Yes : node.No;

    private static string Evidence(DecisionAnswer answer, IReadOnlyDictionary<string, ExpressionValue> values, bool yes)
    {
        var shown = answer.When.Variables.Order(StringComparer.Ordinal)
            .Select(v => values.TryGetValue(v, out var value) ? $"{v} = {value}" : $"{v} missing");
        return string.Create(CultureInfo.InvariantCulture,
            $"{answer.Check}: {string.Join(", ", shown)}, so '{answer.When}' is {(yes ? "true" : "false")}");
    }
}
