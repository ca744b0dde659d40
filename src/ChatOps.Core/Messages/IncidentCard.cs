using ChatOps.Core.Commands;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Messages;

/// <summary>The incident's root message: what it is, where it stands, and the next steps as buttons.</summary>
public sealed class IncidentCard(IncidentClock clock)
{
    public ChatMessage Render(Incident incident, IEnumerable<string> runbooks)
    {
        var status = IncidentLifecycle.Name(incident.Status);
        var elapsed = IncidentClock.Length((incident.ResolvedAt ?? clock.Now) - incident.DeclaredAt);
        var blocks = new List<MessageBlock>
        {
            new HeaderBlock($"{incident.Id} · {incident.Severity.Label()} · {incident.Title}"),
            new FieldsBlock(
            [
                new Field("Severity", incident.Severity.Label()),
                new Field("Status", status),
                new Field("Commander", incident.Commander is null ? "none yet (lead @user)" : Commands.UserMention.Render(incident.Commander)),
                new Field(incident.IsOpen ? "Open for" : "Lasted", elapsed),
            ]),
            new ContextBlock($"Declared {clock.Short(incident.DeclaredAt)} by {Commands.UserMention.Render(incident.DeclaredBy)}"),
        };
        if (incident.IsOpen)
        {
            var buttons = runbooks.Take(5).Select(r => CommandButton($"Run {r}", $"run {incident.Id} {r}")).ToList();
            buttons.Add(CommandButton("Status", $"status {incident.Id}"));
            buttons.Add(CommandButton("Timeline", $"timeline {incident.Id}"));
            if (incident.Status < IncidentStatus.Mitigated) buttons.Add(CommandButton("Mitigated", $"mitigated {incident.Id}", ButtonStyle.Primary));
            buttons.Add(new Button("Resolve", ButtonActions.Command, $"resolve {incident.Id}", ButtonStyle.Danger,
                new Confirm($"Resolve {incident.Id}?", "Resolving closes the incident; write the resolution with resolve <text> to keep it.", "Resolve", "Cancel")));
            blocks.Add(new ActionsBlock(buttons));
        }
        else
        {
            blocks.Add(new ActionsBlock([CommandButton("Postmortem", $"postmortem {incident.Id}", ButtonStyle.Primary), CommandButton("Timeline", $"timeline {incident.Id}")]));
        }
        return new ChatMessage($"{incident.Id} {incident.Severity.Label()} {status}: {incident.Title}", blocks);
    }

    private static Button CommandButton(string label, string command, ButtonStyle style = ButtonStyle.Default) =>
        new(label, ButtonActions.Command, command, style);
}
