using ChatOps.Core.Chat;
using ChatOps.Core.Checks;
using ChatOps.Core.Commands.Handlers;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;

namespace ChatOps.Core.Incidents;

/// <summary>A timeline as a table of local time, who, and what.</summary>
public sealed class TimelineView(IncidentClock clock)
{
    public TableBlock Render(IReadOnlyList<TimelineEvent> events)
    {
        var rows = clock.ByDay(events, e => e.At).Select(d => (IReadOnlyList<string>)
        [
            d.NewDay ? clock.Short(d.Item.At) : d.Local.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            Mention.Of(d.Item.Actor),
            d.Item.Text,
        ]).ToList();
        return new TableBlock(["Time", "Who", "What"], rows);
    }
}
