using ChatOps.Core.Chat;
using ChatOps.Core.Commands;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;

namespace ChatOps.Core.Incidents;

/// <summary>The incident's root message: what it is, where it stands, and the next steps as buttons.</summary>
public sealed class IncidentCard(IncidentClock clock)
{
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
        return
        [
            new HeaderBlock($"{incident.Id} · {incident.Severity.Label()} · {incident.Title}"),
            new FieldsBlock(
            [
                new Field("Severity", incident.Severity.Label()),
                new Field("Status", IncidentLifecycle.Name(incident.Status)),
                new Field("Commander", incident.Commander is null ? "none yet (lead @user)" : Mention.Of(incident.Commander)),
                new Field(incident.IsOpen ? "Open for" : "Lasted", elapsed),
            ]),
            new ContextBlock($"Declared {clock.Short(incident.DeclaredAt)} by {Mention.Of(incident.DeclaredBy)}"),
        ];
    }

    /// <summary>The card's one-line summary, the notification text.</summary>
    public static string Summary(Incident incident) =>
        $"{incident.Id} {incident.Severity.Label()} {IncidentLifecycle.Name(incident.Status)}: {incident.Title}";

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
