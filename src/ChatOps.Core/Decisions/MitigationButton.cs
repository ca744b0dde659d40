using ChatOps.Core.Checks;
using ChatOps.Core.Commands;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;
using ChatOps.Core.Runbooks;

namespace ChatOps.Core.Decisions;

/// <summary>
/// The button that requests a runbook's mitigation. Most carry their command; a block first needs to know whom to
/// block, so its button carries a form that asks, offering what the runbook's checks found in their latest results on
/// the timeline. How the form looks is each platform's business (a Slack modal, a Teams card).
/// </summary>
public static class MitigationButton
{
    // A select of more than this is a list nobody reads; a check's first rows are its best candidates.
    private const int MaxChoices = 25;

    public static Button For(Incident incident, Runbook runbook, MitigationDefinition mitigation, IReadOnlyList<TimelineEvent> timeline)
    {
        var command = $"mitigate {incident.Id} {runbook.Id}/{mitigation.Id}";
        var label = Label($"Request: {mitigation.Title}");
        var style = mitigation.Emergency ? ButtonStyle.Danger : ButtonStyle.Default;
        var confirm = mitigation.Emergency ? new Confirm($"Request {mitigation.Title}?", $"Emergency only: {mitigation.When}. Two approvers must agree before it runs.", "Request", "Cancel") : null;
        return mitigation.Action is BlockAction block
            ? new Button(label, ButtonActions.Form, command, style, confirm, SubjectForm(command, mitigation, Candidates(runbook, block, timeline)))
            : new Button(label, ButtonActions.Command, command, style, confirm);
    }

    /// <summary>The form asking whom a block acts on; its answer completes <paramref name="command"/>.</summary>
    public static FormRequest SubjectForm(string command, MitigationDefinition mitigation, IReadOnlyList<string> choices) =>
        new(mitigation.Title, "Request", command,
            [new FormField("subject", "User id or IP address", choices, choices.Count > 0 ? "Pick one the checks found, or type another." : "A user id, or an IPv4 or IPv6 address.")])
        {
            Text = $"{char.ToUpperInvariant(mitigation.Action.Describe()[0])}{mitigation.Action.Describe()[1..]}. Nothing changes until the request is approved.",
        };

    /// <summary>The subjects the runbook's checks found, best first, once each, and only those that could be blocked.</summary>
    public static IReadOnlyList<string> Candidates(Runbook runbook, BlockAction block, IReadOnlyList<TimelineEvent> timeline) =>
        [.. block.Candidates.SelectMany(c => CheckColumns.Latest(timeline, runbook.Id, c.Check, c.Column))
            .Select(v => MitigationSubject.TryNormalize(v, out var subject, out _) ? subject : null).OfType<string>()
            .Distinct(StringComparer.Ordinal).Take(MaxChoices)];

    /// <summary>Chat platforms cut button labels short (Slack: 75 characters).</summary>
    private static string Label(string text) => text.Length <= 60 ? text : text[..59] + "…";
}
