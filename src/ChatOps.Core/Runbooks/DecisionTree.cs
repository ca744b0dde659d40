using ChatOps.Core.Checks;
using ChatOps.Core.Expressions;
using ChatOps.Core.Runs;

namespace ChatOps.Core.Runbooks;

/// <summary>Yes/no questions from <see cref="Start"/>; each branch leads to another question or to a leaf.</summary>
public sealed record DecisionTree(string Start, IReadOnlyDictionary<string, DecisionNode> Nodes);

public sealed record DecisionNode(string Id, string Ask, DecisionAnswer? Answer, DecisionBranch Yes, DecisionBranch No);

/// <summary>How the bot answers a question itself: "yes" when <see cref="When"/> holds on the check's result.</summary>
public sealed record DecisionAnswer(string Check, Expression When);

public abstract record DecisionBranch;

public sealed record GoToNode(string Node) : DecisionBranch;

/// <summary>The end of a path: mitigations to offer and what to do next.</summary>
public sealed record DecisionLeaf(IReadOnlyList<string> Recommend, string? Advice) : DecisionBranch;
