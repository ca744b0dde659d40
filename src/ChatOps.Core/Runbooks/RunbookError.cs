using ChatOps.Core.Checks;
using ChatOps.Core.Runs;

namespace ChatOps.Core.Runbooks;

/// <summary>One problem in a runbook file, where it is, and what to do about it.</summary>
public sealed record RunbookError(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}
