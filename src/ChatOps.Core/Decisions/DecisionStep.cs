using ChatOps.Core.Checks;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Runs;

namespace ChatOps.Core.Decisions;

/// <summary>A question the bot answered from a check's result, with the evidence it used.</summary>
public sealed record DecisionStep(DecisionNode Node, bool Answer, string Evidence);
