using Microsoft.Extensions.Logging;

namespace ChatOps.Core.Commands;

/// <summary>Parses a command and routes it to its one handler; a parse error is answered to the sender alone.</summary>
public sealed partial class CommandDispatcher
{
    private readonly Dictionary<Type, ICommandHandler> _handlers;
    private readonly ILogger<CommandDispatcher> _logger;

    public CommandDispatcher(IEnumerable<ICommandHandler> handlers, ILogger<CommandDispatcher> logger)
    {
        _logger = logger;
        _handlers = [];
        foreach (var handler in handlers)
        {
            if (!_handlers.TryAdd(handler.CommandType, handler))
                throw new InvalidOperationException($"{handler.CommandType.Name} has two handlers: {_handlers[handler.CommandType].GetType().Name} and {handler.GetType().Name}.");
        }
    }

    public IReadOnlyCollection<Type> HandledCommands => _handlers.Keys;

    public async Task<CommandResult> DispatchAsync(string text, CommandContext context, CancellationToken cancellationToken)
    {
        var parsed = CommandParser.Parse(text);
        if (!parsed.Succeeded)
        {
            LogRejected(parsed.Error.Code, context.Actor.Id);
            return CommandResult.Reject(parsed.Error);
        }
        return await DispatchAsync(parsed.Command, context, cancellationToken);
    }

    public async Task<CommandResult> DispatchAsync(Command command, CommandContext context, CancellationToken cancellationToken)
    {
        if (!_handlers.TryGetValue(command.GetType(), out var handler))
            throw new InvalidOperationException($"No handler is registered for {command.GetType().Name}.");
        var result = await handler.HandleAsync(command, context, cancellationToken);
        if (result.Error is { } error) LogRejected(error.Code, context.Actor.Id);
        else LogHandled(command.GetType().Name, context.Actor.Id);
        return result;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Command {Command} handled for {User}")]
    private partial void LogHandled(string command, Access.PersonId user);

    [LoggerMessage(Level = LogLevel.Information, Message = "Command rejected ({Code}) for {User}")]
    private partial void LogRejected(CommandErrorCode code, Access.PersonId user);
}
