using System.Diagnostics.CodeAnalysis;

namespace ChatOps.Core.Commands;

/// <summary>Either a command or a typed error, never both.</summary>
public sealed class ParseResult
{
    private ParseResult(Command? command, CommandError? error) => (Command, Error) = (command, error);

    public Command? Command { get; }
    public CommandError? Error { get; }

    [MemberNotNullWhen(true, nameof(Command))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Command is not null;

    public static ParseResult Ok(Command command) => new(command, null);

    public static ParseResult Fail(CommandErrorCode code, string message, string? usage = null) =>
        new(null, new CommandError(code, message, usage));
}
