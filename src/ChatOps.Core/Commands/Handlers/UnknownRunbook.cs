using ChatOps.Core.Checks;
using ChatOps.Core.Incidents;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Runs;

namespace ChatOps.Core.Commands.Handlers;

internal static class UnknownRunbook
{
    public static CommandResult Reject(RunbookCatalog catalog, string name, Command command) =>
        CommandResult.Reject(CommandErrorCode.UnknownRunbook,
            $"There is no runbook '{CommandTable.Shorten(name)}'. Runbooks: {string.Join(", ", catalog.All.Select(r => r.Id))}.",
            Verbs.UsageOf(command));
}
