namespace ChatOps.Core.Commands;

/// <summary>What was wrong with a command and how to write it; nothing was changed.</summary>
public sealed record CommandError(CommandErrorCode Code, string Message, string? Usage = null)
{
    public override string ToString() => Usage is null ? Message : $"{Message}\nUsage: {Usage}";
}
