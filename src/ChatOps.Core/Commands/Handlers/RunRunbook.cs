using ChatOps.Core.Checks;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Timeline;

namespace ChatOps.Core.Commands.Handlers;

/// <summary>Shows a runbook's prose and runs all its checks concurrently, each result in the thread and on the timeline.</summary>
public sealed class RunRunbook(IncidentResolver resolver, RunbookCatalog catalog, CheckRunner runner, IIncidentStore store, IncidentChanger changer)
    : IncidentCommandHandler<RunRunbookCommand>(resolver)
{
    protected override async Task<CommandResult> HandleAsync(RunRunbookCommand command, Incident incident, CommandContext context, CancellationToken cancellationToken)
    {
        var runbook = catalog.Find(command.Runbook);
        if (runbook is null)
            return CommandResult.Reject(CommandErrorCode.UnknownRunbook,
                $"There is no runbook '{CommandTable.Shorten(command.Runbook)}'. Runbooks: {string.Join(", ", catalog.All.Select(r => r.Id))}.",
                Verbs.UsageOf(command));

        await store.AppendAsync([changer.Event(incident, context.Actor, TimelineKind.RunbookStarted, $"Runbook started: {runbook.Title}", ("runbook", runbook.Id))], cancellationToken);
        var results = await Task.WhenAll(runbook.Checks.Select(c => runner.RunAsync(c, cancellationToken)));
        await store.AppendAsync([.. results.Select(r => CheckRan.Event(changer, incident, context, runbook, r))], cancellationToken);

        var messages = new List<Outgoing> { new(Audience.Thread, RunbookOverview.Render(runbook), incident) };
        messages.AddRange(results.Select(r => new Outgoing(Audience.Thread, CheckResultView.Render(r), incident)));
        return new CommandResult(messages);
    }
}
