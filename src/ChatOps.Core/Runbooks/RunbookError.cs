using ChatOps.Core.Checks;
using ChatOps.Core.Runs;

namespace ChatOps.Core.Runbooks;

/// <summary>
/// One problem in a runbook file, where it is, and what to do about it. Line 0 is no line: the folder itself, or a
/// setting (<c>Runbooks:Values:...</c>) named in <see cref="File"/>.
/// </summary>
public sealed record RunbookError(string File, int Line, string Message)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Message}" : $"{File}: {Message}";
}
