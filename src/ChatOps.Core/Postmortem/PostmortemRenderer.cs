using System.Globalization;
using ChatOps.Core.Incidents;
using ChatOps.Core.Timeline;
using Scriban;
using Scriban.Runtime;

namespace ChatOps.Core.Postmortem;

/// <summary>
/// Renders an incident and its timeline through the postmortem template. Everything users typed reaches the
/// template as data (strings), so <c>{{ ... }}</c> in a note is printed, never run, and already escaped for
/// Markdown, so any template prints it safely.
/// </summary>
public sealed class PostmortemRenderer(PostmortemTemplate template, IncidentClock clock)
{
    public string Render(Incident incident, IReadOnlyList<TimelineEvent> timeline)
    {
        var end = incident.ResolvedAt;
        var model = new ScriptObject
        {
            ["id"] = incident.Id.ToString(),
            ["title"] = OneLine(incident.Title),
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
                ["owner"] = a.Owner is { } o ? Person(o) : null,
                ["done"] = a.Done,
            }).ToList(),
            ["lessons"] = incident.Lessons.Select(OneLine).ToList(),
            ["timeline"] = Entries(timeline),
        };
        var context = new TemplateContext { StrictVariables = true, MemberRenamer = m => m.Name };
        context.PushGlobal(model);
        return template.Template.Render(context);
    }

    private List<ScriptObject> Entries(IReadOnlyList<TimelineEvent> timeline) =>
        clock.ByDay(timeline, e => e.At).Select(d => new ScriptObject
        {
            ["time"] = d.Local.ToString("HH:mm", CultureInfo.InvariantCulture),
            // The date is written on the first entry and wherever the day changes.
            ["date"] = d.NewDay ? d.Local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            ["kind"] = d.Item.Kind.Name(),
            ["actor"] = Person(d.Item.Actor),
            ["text"] = OneLine(d.Item.Text),
        }).ToList();

    /// <summary>
    /// Typed text stays on one line, so it cannot start a list or a section of its own; chat mentions
    /// (<c>&lt;@U123&gt;</c>) read as <c>@U123</c> in a document; HTML and script links are escaped
    /// (<see cref="MarkdownText"/>).
    /// </summary>
    private static string OneLine(string text) => MarkdownText.Escape(text);

    private static string? Optional(string? text) => text is null ? null : OneLine(text);

    private static string Person(string user) => MarkdownText.Escape(user.StartsWith('@') ? user : "@" + user);
}
