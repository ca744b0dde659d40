using ChatOps.Core.Chat;
using ChatOps.Core.Checks;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;

namespace ChatOps.Core.Commands.Handlers;

/// <summary>Help is generated from <see cref="CommandTable"/>, so it cannot drift from the parser.</summary>
public sealed class ShowHelp : CommandHandler<HelpCommand>
{
    protected override Task<CommandResult> HandleAsync(HelpCommand command, CommandContext context, CancellationToken cancellationToken)
    {
        var specs = command.Verb is null ? CommandTable.All : CommandTable.All.Where(s => s.Verb == command.Verb).ToList();
        var blocks = new List<MessageBlock>
        {
            new HeaderBlock(command.Verb is null ? "/incident commands" : $"/incident {command.Verb}"),
            new TableBlock(["Usage", "What it does"], [.. specs.Select(s => (IReadOnlyList<string>)[s.Usage, s.Summary])]),
        };
        if (command.Verb is null)
            blocks.Add(new ContextBlock("Commands sent outside an incident's thread name it (INC-YYYY-NNNN) unless the channel has exactly one open incident."));
        return Task.FromResult(CommandResult.ToRequester(new ChatMessage("incident help", blocks)));
    }
}
