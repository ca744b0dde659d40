using System.Collections.Immutable;
using ChatOps.Core.Chat;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Runs;
using ChatOps.Core.Scenarios;
using ChatOps.Core.Work;
using Microsoft.Extensions.Options;

namespace ChatOps.Core.Commands.Handlers;

/// <summary>
/// <c>drill</c> lists the scenarios (privately); <c>drill &lt;scenario&gt;</c> declares a drill incident, marked as one
/// wherever it shows, and runs the scenario's runbook against the scenario's simulated platform. Everything after is
/// the ordinary flow.
/// </summary>
public sealed class DeclareDrill(
    IIncidentStore store,
    IncidentClock clock,
    IncidentReplies replies,
    ScenarioCatalog scenarios,
    RunbookCatalog runbooks,
    RunbookRunner runner,
    ChatDelivery chat,
    IOptions<IncidentOptions> options) : CommandHandler<DrillCommand>
{
    protected override async Task<CommandResult> HandleAsync(DrillCommand command, CommandContext context, CancellationToken cancellationToken)
    {
        if (command.Scenario is null) return CommandResult.ToRequester(List());
        if (scenarios.Find(command.Scenario) is not { } scenario || runbooks.Find(scenario.Runbook) is not { } runbook)
        {
            var known = scenarios.All.Count == 0 ? "No scenarios are loaded here." : $"The scenarios are {string.Join(", ", scenarios.All.Select(s => s.Id))}.";
            return CommandResult.Reject(CommandErrorCode.UnknownScenario, $"There is no drill scenario '{CommandTable.Shorten(command.Scenario)}'. {known}", Verbs.UsageOf(command));
        }

        // A drill never calls for a manager's confirmation: it is practice, whatever its severity.
        var severity = options.Value.DefaultSeverity;
        var declared = new NewIncident(scenario.Title, severity, context.Place with { Thread = null }, context.Actor.Id, clock.Now, null)
        {
            Effect = WorkScope.Current?.EffectKey("declare"),
            Drill = scenario.Id,
        };
        var incident = await store.CreateAsync(declared, id =>
        [
            TimelineEvents.Keyed(new TimelineEvent(id, declared.DeclaredAt, context.Actor.Id, TimelineKind.Declared,
                $"Drill declared at {severity.Label()} against scenario {scenario.Id}: {scenario.Title}",
                ImmutableSortedDictionary<string, string>.Empty.Add("drill", scenario.Id))),
        ], cancellationToken);

        // The root message and the thread come first, so that the run posts into the thread.
        await chat.DeliverAsync([
            new Outgoing(Audience.Channel, replies.Card(incident), incident),
            new Outgoing(Audience.Thread, Welcome(incident, scenario, runbook, context), incident),
        ], context.Actor, context.Place, cancellationToken);
        var threaded = await store.FindAsync(incident.Id, cancellationToken) ?? incident;
        await runner.RunAsync(threaded, runbook, context.Actor, cancellationToken);
        return new CommandResult([]);
    }

    private static ChatMessage Welcome(Incident incident, Scenario scenario, Runbook runbook, CommandContext context)
    {
        var blocks = new List<MessageBlock>
        {
            new TextBlock($"{incident.Id} is a drill, declared by {Mention.Of(context.Actor)}: scenario {scenario.Id} plays runbook {runbook.Title}. "
                + "Its checks and mitigations act on the scenario's simulated platform; nothing real is touched."),
        };
        if (scenario.Summary is { } summary) blocks.Add(new TextBlock(summary, TextStyle.Quote));
        blocks.Add(new ContextBlock("Work it as a real incident: answer the questions, request and approve mitigations, revert, resolve, postmortem."));
        return new ChatMessage($"{incident.Id} drill of {scenario.Id} declared", blocks);
    }

    private ChatMessage List()
    {
        if (scenarios.All.Count == 0) return ChatMessage.Plain("No drill scenarios are loaded here (scenarios/*.yaml).");
        var rows = scenarios.All.Select(s => (IReadOnlyList<string>)[s.Id, s.Runbook, s.Title]).ToList();
        return new ChatMessage($"{scenarios.All.Count} drill scenarios", [
            new HeaderBlock("Drill scenarios"),
            new TextBlock("A drill declares an incident played against a scenario: a simulated platform, so nothing real is touched. Start one with drill <scenario>."),
            new TableBlock(["Scenario", "Runbook", "What happens"], rows),
            new ActionsBlock([.. scenarios.All.Take(ButtonLimit).Select(s => new Button($"Start a drill: {s.Id}", ButtonActions.Command, $"drill {s.Id}"))]),
        ]);
    }

    // Platforms cap the buttons of one block (Slack: 25); the table lists every scenario anyway.
    private const int ButtonLimit = 25;
}
