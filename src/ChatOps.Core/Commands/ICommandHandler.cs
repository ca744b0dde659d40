namespace ChatOps.Core.Commands;

/// <summary>The single owner of one command type.</summary>
public interface ICommandHandler
{
    Type CommandType { get; }

    Task<CommandResult> HandleAsync(Command command, CommandContext context, CancellationToken cancellationToken);
}

/// <summary>Typed base: a handler names its command once, in its base class.</summary>
public abstract class CommandHandler<TCommand> : ICommandHandler
    where TCommand : Command
{
    public Type CommandType => typeof(TCommand);

    public Task<CommandResult> HandleAsync(Command command, CommandContext context, CancellationToken cancellationToken) =>
        HandleAsync((TCommand)command, context, cancellationToken);

    protected abstract Task<CommandResult> HandleAsync(TCommand command, CommandContext context, CancellationToken cancellationToken);
}
