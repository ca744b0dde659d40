namespace ChatOps.Core.Commands;

/// <summary>
/// What was wrong with a command and, when its shape was wrong, how to write it; nothing was changed. <see cref="Usage"/>
/// is set only where rewriting the command is the cure (a missing or extra argument, a name the grammar or the
/// runbooks do not know, an incident to name); a refusal of a well-formed command (not allowed, expired, not
/// configured, no such incident or request) has none, since it would read as if the command were mistyped.
/// </summary>
public sealed record CommandError(CommandErrorCode Code, string Message, string? Usage = null)
{
    public override string ToString() => Usage is null ? Message : $"{Message}\nUsage: {Usage}";
}
