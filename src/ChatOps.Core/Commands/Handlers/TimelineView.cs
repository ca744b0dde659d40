using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;
using ChatOps.Core.Timeline;

namespace ChatOps.Core.Commands.Handlers;

/// <summary>A timeline as a table of local time, who, and what.</summary>
public sealed class TimelineView(IncidentClock clock)
{
    public TableBlock Render(IReadOnlyList<TimelineEvent> events)
    {
        var rows = new List<IReadOnlyList<string>>(events.Count);
        DateOnly? day = null;
        foreach (var e in events)
        {
            var local = clock.Local(e.At);
            var date = DateOnly.FromDateTime(local.DateTime);
            // The date is shown on the first row and wherever it changes, as a responder reads down the list.
            var when = day == date ? local.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture) : clock.Short(e.At);
            day = date;
            rows.Add([when, UserMention.Render(e.Actor), e.Text]);
        }
        return new TableBlock(["Time", "Who", "What"], rows);
    }
}
