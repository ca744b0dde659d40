using System.Globalization;
using ChatOps.Core.Access;
using ChatOps.Core.Chat;
using ChatOps.Core.Decisions;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;
using Scriban;
using Scriban.Runtime;

namespace ChatOps.Core.Postmortem;

/// <summary>
/// Renders an incident and its timeline through the postmortem template. Everything users typed reaches the
/// template as data (strings), so <c>{{ ... }}</c> in a note is printed, never run, and already escaped for
/// Markdown, so any template prints it safely. People appear by display name, never by platform id.
/// </summary>
public sealed class PostmortemRenderer(PostmortemTemplate template, IncidentClock clock, PeopleDirectory people)
{
    public async Task<string> RenderAsync(Incident incident, IReadOnlyList<TimelineEvent> timeline, CancellationToken cancellationToken)
    {
        var names = await people.NamesAsync(PeopleIn(incident, timeline), cancellationToken);
        return Render(incident, timeline, names);
    }

    private string Render(Incident incident, IReadOnlyList<TimelineEvent> timeline, IReadOnlyDictionary<PersonId, string> names)
    {
        string Person(PersonId person) => MarkdownText.Escape("@" + names[person]);
        // Typed text stays on one line and is escaped (MarkdownText), so it cannot start a section or carry markup.
        string OneLine(string text) => MarkdownText.Escape(Mention.Readable(text, p => names.GetValueOrDefault(p)));
        string? Optional(string? text) => text is null ? null : OneLine(text);

        var end = incident.ResolvedAt;
        var model = new ScriptObject
        {
            ["id"] = incident.Id.ToString(),
            ["title"] = OneLine(incident.Headline),
            ["drill"] = incident.Drill,
            ["severity"] = incident.Severity.Label(),
            ["status"] = IncidentLifecycle.Name(incident.Status),
            ["commander"] = incident.Commander is { } c ? Person(c) : null,
            ["start_time"] = clock.Short(incident.DeclaredAt),
            ["end_time"] = end is { } e ? clock.Short(e) : null,
            ["length"] = IncidentClock.Length((end ?? clock.Now) - incident.DeclaredAt),
            ["impact"] = Optional(incident.Impact),
            ["root_cause"] = Optional(incident.RootCause),
            ["resolution"] = Optional(incident.Resolution),
            ["action_items"] = incident.ActionItems.Select(a => new ScriptObject
            {
                ["text"] = OneLine(a.Text),
                ["owner"] = a.Owner is { } o ? OneLine(o) : null,
                ["done"] = a.Done,
            }).ToList(),
            ["lessons"] = incident.Lessons.Select(OneLine).ToList(),
            // Manual steps are part of how the incident was resolved; the timeline says who did each and when.
            ["manual_steps"] = timeline.Where(e => e.Kind == TimelineKind.MitigationDone).Select(e => new ScriptObject
            {
                ["title"] = OneLine(e.Details.GetValueOrDefault("title") ?? e.Text),
                ["request"] = OneLine(e.Details.GetValueOrDefault("request") ?? ""),
                ["by"] = Person(e.Actor),
                ["time"] = clock.Short(e.At),
            }).ToList(),
            ["timeline"] = clock.ByDay(timeline, e => e.At).Select(d => new ScriptObject
            {
                ["time"] = d.Local.ToString("HH:mm", CultureInfo.InvariantCulture),
                // The date is written on the first entry and wherever the day changes.
                ["date"] = d.NewDay ? d.Local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
                ["kind"] = d.Item.Kind.Name(),
                ["actor"] = Person(d.Item.Actor),
                ["text"] = OneLine(d.Item.Text),
                // For a decision: who answered, and the step it recommended when it reached one.
                ["answered_by"] = Optional(DecisionRecord.AnsweredBy(d.Item, p => "@" + names[p])),
                ["next_step"] = Optional(DecisionRecord.NextStepOf(d.Item)),
            }).ToList(),
        };
        var context = new TemplateContext { StrictVariables = true, MemberRenamer = m => m.Name };
        context.PushGlobal(model);
        return template.Template.Render(context);
    }

    private static IEnumerable<(PersonId, string?)> PeopleIn(Incident incident, IReadOnlyList<TimelineEvent> timeline)
    {
        yield return (incident.DeclaredBy, null);
        if (incident.Commander is { } commander) yield return (commander, null);
        foreach (var e in timeline) yield return (e.Actor, null);
        // A mention carries the name chat showed when it was written: a name for whoever the platform cannot name now.
        foreach (var text in Texts(incident, timeline))
        {
            foreach (var named in Mention.People(text)) yield return named;
        }
    }

    private static IEnumerable<string> Texts(Incident incident, IReadOnlyList<TimelineEvent> timeline) =>
        [incident.Title, incident.Impact ?? "", incident.RootCause ?? "", incident.Resolution ?? "",
         .. incident.ActionItems.Select(a => a.Text + " " + a.Owner), .. incident.Lessons, .. timeline.Select(e => e.Text)];
}
