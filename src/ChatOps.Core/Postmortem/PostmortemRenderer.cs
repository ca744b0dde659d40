using System.Globalization;
using ChatOps.Core.Incidents;
using ChatOps.Core.Timeline;
using Scriban;
using Scriban.Runtime;

namespace ChatOps.Core.Postmortem;

/// <summary>
/// Renders an incident and its timeline through the postmortem template. Everything users typed reaches the
/// template as data (strings), so <c>{{ ... }}</c> in a note is printed, never run.
/// </summary>
public sealed partial class PostmortemRenderer(PostmortemTemplate template, IncidentClock clock)
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
            ["impact"] = incident.Impact,
            ["root_cause"] = incident.RootCause,
            ["resolution"] = incident.Resolution,
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

    private List<ScriptObject> Entries(IReadOnlyList<TimelineEvent> timeline)
    {
        var entries = new List<ScriptObject>(timeline.Count);
        DateOnly? day = null;
        foreach (var e in timeline)
        {
            var local = clock.Local(e.At);
            var date = DateOnly.FromDateTime(local.DateTime);
            entries.Add(new ScriptObject
            {
                ["time"] = local.ToString("HH:mm", CultureInfo.InvariantCulture),
                // The date is written on the first entry and wherever the day changes.
                ["date"] = day == date ? null : local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["kind"] = e.Kind.Name(),
                ["actor"] = e.Actor,
                ["text"] = OneLine(e.Text),
            });
            day = date;
        }
        return entries;
    }

    /// <summary>
    /// List items stay one line, so typed text cannot start a heading or a list of its own; chat mentions
    /// (<c>&lt;@U123&gt;</c>) read as <c>@U123</c> in a document.
    /// </summary>
    private static string OneLine(string text) => Mention().Replace(text.ReplaceLineEndings(" "), "@$1");

    private static string Person(string user) => user.StartsWith('@') ? user : "@" + user;

    [System.Text.RegularExpressions.GeneratedRegex(@"<@([^<>|\s]+)(?:\|[^<>]*)?>")]
    private static partial System.Text.RegularExpressions.Regex Mention();
}
