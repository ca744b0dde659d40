using ChatOps.Core.Access;
using ChatOps.Core.Messages;
using Microsoft.Extensions.Options;

namespace ChatOps.Core.Incidents;

/// <summary>The incident's root message: what it is, where it stands, and the next steps as buttons.</summary>
public sealed class IncidentCard(IncidentClock clock, IOptionsMonitor<RoleOptions> roles)
{
    /// <summary>Managers mentioned by name on a card that awaits one; a longer list is noise, and any of them will do.</summary>
    private const int MentionedManagers = 10;

    public ChatMessage Render(Incident incident, IEnumerable<string> runbooks)
    {
        var blocks = Facts(incident);
        blocks.Add(Actions(incident, runbooks));
        return new ChatMessage(Summary(incident), blocks);
    }

    /// <summary>The card without its buttons: what the incident is and where it stands, for views such as status.</summary>
    public List<MessageBlock> Facts(Incident incident)
    {
        var elapsed = IncidentClock.Length((incident.ResolvedAt ?? clock.Now) - incident.DeclaredAt);
        List<MessageBlock> facts =
        [
            new HeaderBlock($"{incident.Id} · {incident.Severity.Label()} · {incident.Headline}"),
            new FieldsBlock(
            [
                new Field("Severity", incident.Severity.Label()),
                new Field("Status", IncidentLifecycle.Name(incident.Status)),
                new Field("Commander", incident.Commander is null ? "none yet (lead @user)" : Mention.Of(incident.Commander)),
                new Field(incident.IsOpen ? "Open for" : "Lasted", elapsed),
            ]),
            new ContextBlock($"Declared {clock.Short(incident.DeclaredAt)} by {Mention.Of(incident.DeclaredBy)}"),
        ];
        if (incident.SeverityAwaitsConfirmation && incident.IsOpen) facts.Add(AwaitingConfirmation(incident));
        return facts;
    }

    /// <summary>
    /// Names the configured managers of the incident's own platform (a mention of another platform's person means
    /// nothing here); members of a platform's manager groups cannot be listed, so without names it asks for "a manager".
    /// </summary>
    private TextBlock AwaitingConfirmation(Incident incident)
    {
        var managers = roles.CurrentValue.Managers
            .Select(m => PersonId.TryParse(m.Trim(), out var person) ? person : null)
            .OfType<PersonId>()
            .Where(p => p.Platform == incident.Place.Platform)
            .Distinct()
            .Take(MentionedManagers)
            .Select(p => Mention.Of(p))
            .ToList();
        var severity = incident.Severity.Label();
        var who = managers.Count == 0 ? "" : $" ({string.Join(", ", managers)})";
        return new TextBlock($"{severity} awaits a manager's confirmation{who}: a manager confirms it with sev {(int)incident.Severity}.");
    }

    /// <summary>The card's one-line summary, the notification text.</summary>
    public static string Summary(Incident incident) =>
        $"{incident.Id} {incident.Severity.Label()} {IncidentLifecycle.Name(incident.Status)}: {incident.Headline}";

    private static ActionsBlock Actions(Incident incident, IEnumerable<string> runbooks)
    {
        if (!incident.IsOpen)
            return new ActionsBlock([CommandButton("Postmortem", $"postmortem {incident.Id}", ButtonStyle.Primary), CommandButton("Timeline", $"timeline {incident.Id}")]);
        var buttons = runbooks.Take(5).Select(r => CommandButton($"Run {r}", $"run {incident.Id} {r}")).ToList();
        buttons.Add(CommandButton("Status", $"status {incident.Id}"));
        buttons.Add(CommandButton("Timeline", $"timeline {incident.Id}"));
        if (incident.Status < IncidentStatus.Mitigated) buttons.Add(CommandButton("Mitigated", $"mitigated {incident.Id}", ButtonStyle.Primary));
        buttons.Add(new Button("Resolve", ButtonActions.Command, $"resolve {incident.Id}", ButtonStyle.Danger,
            new Confirm($"Resolve {incident.Id}?", "Resolving closes the incident; write the resolution with resolve <text> to keep it.", "Resolve", "Cancel")));
        return new ActionsBlock(buttons);
    }

    private static Button CommandButton(string label, string command, ButtonStyle style = ButtonStyle.Default) =>
        new(label, ButtonActions.Command, command, style);
}
