using ChatOps.Core.Chat;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;
using ChatOps.Core.Runbooks;
using ChatOps.Core.RunbookTests;
using ChatOps.Core.Scenarios;

namespace ChatOps.Core.Commands.Handlers;

/// <summary>
/// <c>scenario</c>: attaches in the thread the scenario of a resolved incident (<see cref="ScenarioRecorder"/>), the file
/// that turns last week's incident into this week's drill and a regression test of its runbook.
/// </summary>
public sealed class WriteScenario(IncidentResolver resolver, ScenarioRecorder recorder, RunbookCatalog runbooks)
    : IncidentCommandHandler<WriteScenarioCommand>(resolver)
{
    // Notes are for a reviewer; a few say what matters, and the file says the rest.
    private const int ShownNotes = 10;

    protected override async Task<CommandResult> HandleAsync(
        WriteScenarioCommand command, Incident incident, CommandContext context, CancellationToken cancellationToken)
    {
        if (command.Runbook is { } named && runbooks.Find(named) is null) return UnknownRunbook.Reject(runbooks, named, command);
        if (incident.IsOpen)
        {
            return CommandResult.Reject(CommandErrorCode.InvalidTransition,
                $"{incident.Id} is still open; resolve it first, so that the scenario holds all of it.");
        }
        var recorded = await recorder.RecordAsync(incident, command.Runbook, cancellationToken);
        if (recorded.Scenario is not { } scenario)
            return CommandResult.Reject(CommandErrorCode.InvalidTransition, recorded.Refusal!, Verbs.UsageOf(command));

        var yaml = ScenarioYaml.Write(scenario, [
            $"Written from {incident.Id} ({incident.Headline}) by the scenario command: review it before you commit it.",
            "The answers are the platform's real data, redacted of secrets. See scenarios/README.md for the format.",
            .. recorded.Notes.Select(n => "Note: " + n),
        ]);
        // The file must load as written; a failure here is a bug in the writer, not the reader's to fix.
        var loaded = ScenarioLoader.LoadText(yaml, scenario.SourceFile, runbooks);
        if (!loaded.IsValid)
            throw new InvalidOperationException($"The scenario of {incident.Id} does not load: {string.Join("; ", loaded.Errors)}");

        var blocks = new List<MessageBlock>
        {
            new TextBlock($"Scenario of {incident.Id}, runbook {scenario.Runbook}: put {scenario.SourceFile} in scenarios/ "
                + $"to drill it (drill {scenario.Id}) and to test the runbook with it (test runbooks/ scenarios/)."),
        };
        blocks.AddRange(recorded.Notes.Take(ShownNotes).Select(n => new ContextBlock(n)));
        blocks.Add(new AttachmentBlock(scenario.SourceFile, $"Scenario {scenario.Id}", yaml));
        return CommandResult.Of(new Outgoing(Audience.Thread, new ChatMessage($"Scenario of {incident.Id}", blocks), incident));
    }
}
