using ChatOps.Core.Chat;
using ChatOps.Core.Checks;
using ChatOps.Core.Decisions;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;
using ChatOps.Core.Mitigations;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Runs;
using Microsoft.Extensions.Options;

namespace ChatOps.Core.Commands.Handlers;

/// <summary>
/// A mitigation button, or <c>mitigate</c>: reads the state live and asks for approval in the thread. Nothing changes yet.
/// A manual step needs no approval (the bot changes nothing): it is posted for someone to do and mark done.
/// </summary>
public sealed class RequestMitigation(
    IncidentResolver resolver,
    RunbookCatalog catalog,
    MitigationExecution execution,
    MitigationRecords records,
    ManualSteps manualSteps,
    IIncidentStore store,
    IOptions<ApprovalOptions> options,
    TimeProvider time) : IncidentCommandHandler<MitigateCommand>(resolver)
{
    protected override async Task<CommandResult> HandleAsync(MitigateCommand command, Incident incident, CommandContext context, CancellationToken cancellationToken)
    {
        var usage = Verbs.UsageOf(command);
        if (catalog.Find(command.Runbook) is not { } runbook) return UnknownRunbook.Reject(catalog, command.Runbook, command);
        if (runbook.FindMitigation(command.Mitigation) is not { } mitigation)
            return CommandResult.Reject(CommandErrorCode.UnknownMitigation,
                $"Runbook {runbook.Id} has no mitigation '{CommandTable.Shorten(command.Mitigation)}'. It has: {string.Join(", ", runbook.Mitigations.Select(m => m.Id))}.", usage);
        if (!incident.IsOpen) return CommandResult.Reject(CommandErrorCode.InvalidTransition, $"{incident.Id} is resolved; nothing to mitigate.");
        if (mitigation.Action is ManualAction && command.Subject is not null)
            return CommandResult.Reject(CommandErrorCode.UnexpectedArgument, $"{mitigation.Title} takes no user or IP.", usage);
        if (mitigation.Action is ManualAction manual)
        {
            return await manualSteps.OpenAsync(incident, runbook, mitigation, manual, context.Actor, cancellationToken) is { } open
                ? CommandResult.Reject(CommandErrorCode.InvalidTransition, open)
                : new CommandResult([]);
        }
        if (mitigation.Action is BlockAction block && command.Subject is null)
            return await AskWhomAsync(incident, runbook, mitigation, block, usage, cancellationToken);
        if (mitigation.Action is not BlockAction && command.Subject is not null)
            return CommandResult.Reject(CommandErrorCode.UnexpectedArgument, $"{mitigation.Title} takes no user or IP.", usage);
        if (execution.For(incident, mitigation.Action) is not { } executor)
            return CommandResult.Reject(CommandErrorCode.InvalidTransition, $"No executor for '{mitigation.Action.Kind}' mitigations is configured here.");

        MitigationPreview preview;
        try
        {
            preview = await executor.PreviewAsync(mitigation.Action, command.Subject, cancellationToken);
        }
        catch (MitigationFailedException e)
        {
            return CommandResult.Reject(CommandErrorCode.InvalidTransition, $"Cannot read what {mitigation.Title} would change: {e.Message}");
        }

        var now = time.GetUtcNow();
        await records.OpenAsync(incident, context.Actor, new MitigationRequest
        {
            Incident = incident.Id,
            Runbook = runbook.Id,
            Mitigation = mitigation.Id,
            Title = mitigation.Title,
            Why = mitigation.When,
            Subject = command.Subject,
            RequestedBy = context.Actor.Id,
            RequestedAt = now,
            ExpiresAt = now + options.Value.Expiry,
            RequiredApprovals = ApprovalPolicy.RequiredApprovals(mitigation.Emergency),
            Current = preview.Current.Description,
            CurrentState = preview.Current,
            Planned = preview.Planned,
            Version = 1,
        }, "request", cancellationToken);
        return new CommandResult([]);
    }

    /// <summary>A block typed without its subject: the refusal says how to write it and carries the form that asks.</summary>
    private async Task<CommandResult> AskWhomAsync(Incident incident, Runbook runbook, MitigationDefinition mitigation, BlockAction block, string? usage, CancellationToken cancellationToken)
    {
        var error = new CommandError(CommandErrorCode.MissingArgument, $"Say whom to block: mitigate {runbook.Id}/{mitigation.Id} <user-id-or-ip>, or choose in the form.", usage);
        var timeline = await store.TimelineAsync(incident.Id, cancellationToken);
        var command = $"mitigate {incident.Id} {runbook.Id}/{mitigation.Id}";
        var form = MitigationButton.SubjectForm(command, mitigation, MitigationButton.Candidates(runbook, block, timeline));
        var message = new ChatMessage(error.ToString(), [
            new TextBlock(error.ToString()),
            new ActionsBlock([new Button("Choose whom to block", ButtonActions.Form, command, Form: form)]),
        ]);
        return new CommandResult([new Outgoing(Audience.Requester, message)], error);
    }
}
