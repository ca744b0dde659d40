using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;
using ChatOps.Core.Safety;

namespace ChatOps.Core.Alerts;

/// <summary>
/// How alerts read in chat: an offer to declare in the alerts channel, a notice of a group resolved with no incident,
/// the alerts of an incident declared from them, and later firings in its thread. Every alert text passes
/// <see cref="AlertText"/>.
/// </summary>
public sealed class AlertView(IncidentClock clock)
{
    /// <summary>Alerts shown in full in one message; a group of hundreds would make a message nobody reads.</summary>
    public const int ShownAlerts = 5;

    private const int ShownLabels = 10;

    public ChatMessage Offer(AlertNotification notification, AlertRoute route)
    {
        var firing = notification.Firing.ToList();
        var blocks = new List<MessageBlock> { new HeaderBlock(AlertText.Line($"Alert firing: {firing[0].Name}", 150)) };
        blocks.AddRange(Details(notification, firing));
        blocks.Add(new ContextBlock($"Declare opens an incident at {route.Severity.Label()} with these alerts on its timeline"
            + (route.Runbook is { } runbook ? $", and {(route.Run == AlertAction.Auto ? "starts" : "offers")} runbook {runbook}." : ".")));
        blocks.Add(new ActionsBlock([new Button("Declare", ButtonActions.Command, $"declare {notification.Group}", ButtonStyle.Primary)]));
        return new ChatMessage(AlertText.Line($"Alert firing: {AlertTimeline.Headline(firing[0])}"), blocks);
    }

    public ChatMessage Resolved(AlertNotification notification)
    {
        var blocks = new List<MessageBlock> { new HeaderBlock(AlertText.Line($"Alert resolved: {notification.Alerts[0].Name}", 150)) };
        blocks.AddRange(Details(notification, notification.Alerts));
        return new ChatMessage(AlertText.Line($"Alert resolved: {AlertTimeline.Headline(notification.Alerts[0])}"), blocks);
    }

    /// <summary>The alerts an incident was declared from, with its route's runbook to run (a button) or started.</summary>
    public ChatMessage Declared(Incident incident, AlertNotification notification, AlertRoute route)
    {
        var grouped = $"Declared from {notification.Group}, which Alertmanager groups as {Labels(notification.GroupLabels)}.";
        var blocks = new List<MessageBlock> { new TextBlock(grouped) };
        blocks.AddRange(Details(notification, notification.Alerts));
        if (route.Runbook is { } runbook)
        {
            blocks.Add(route.Run == AlertAction.Auto
                ? new ContextBlock($"Runbook {runbook} is starting: this alert's route runs it.")
                : new ActionsBlock([new Button($"Run {runbook}", ButtonActions.Command, $"run {incident.Id} {runbook}", ButtonStyle.Primary)]));
        }
        return new ChatMessage($"{incident.Id} declared from {notification.Group}", blocks);
    }

    /// <summary>Alerts of the group that fired or resolved since the incident last heard of them.</summary>
    public ChatMessage Joined(AlertNotification notification, IReadOnlyList<Alert> news)
    {
        var (fired, resolved) = (news.Count(a => a.Status == AlertStatus.Firing), news.Count(a => a.Status == AlertStatus.Resolved));
        var said = string.Join(" and ", new[] { Count(fired, "fired"), Count(resolved, "resolved") }.Where(s => s.Length > 0));
        var blocks = new List<MessageBlock> { new TextBlock($"Alertmanager: {said} in {notification.Group}.") };
        blocks.AddRange(Details(notification, news));
        return new ChatMessage(AlertText.Line($"{said}: {AlertTimeline.Headline(news[0])}"), blocks);
    }

    private IEnumerable<MessageBlock> Details(AlertNotification notification, IReadOnlyList<Alert> alerts)
    {
        foreach (var alert in alerts.Take(ShownAlerts))
        {
            yield return new TextBlock(AlertTimeline.Headline(alert));
            if (alert.Description is { Length: > 0 } description) yield return new TextBlock(AlertText.Block(description), TextStyle.Quote);
            var labels = alert.Labels.Where(l => l.Key != "alertname").OrderBy(l => l.Key, StringComparer.Ordinal).Take(ShownLabels)
                .Select(l => new Field(AlertText.Line(l.Key, 60), AlertText.Line(l.Value, ChatLimits.CellCharacters))).ToList();
            if (labels.Count > 0) yield return new FieldsBlock(labels);
            yield return new ContextBlock(alert is { Status: AlertStatus.Resolved, EndsAt: { } ended }
                ? $"Resolved · started {clock.Short(alert.StartsAt)}, ended {clock.Short(ended)}"
                : $"Firing since {clock.Short(alert.StartsAt)}");
        }
        var more = alerts.Count - Math.Min(alerts.Count, ShownAlerts) + notification.TruncatedAlerts;
        if (more > 0) yield return new ContextBlock($"… and {more} more {(more == 1 ? "alert" : "alerts")} in this group.");
    }

    private static string Labels(IReadOnlyDictionary<string, string> labels) =>
        labels.Count == 0
            ? "one group"
            : AlertText.Line(string.Join(", ", labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}")), 200);

    private static string Count(int count, string what) => count switch
    {
        0 => "",
        1 => $"1 alert {what}",
        _ => $"{count} alerts {what}",
    };
}
