using ChatOps.Core.Access;
using ChatOps.Core.Alerts;
using ChatOps.Core.Chat;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;
using ChatOps.Core.Work;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.Core.Inbound;

/// <summary>
/// Runs an accepted Alertmanager notification. The group's newest notification is kept; a group with an open incident
/// adds what is new to its timeline and thread; otherwise a firing group is offered in the alerts channel with a
/// Declare button, or declared by the bot where its route says so, and a resolved one is noted there.
/// </summary>
public sealed partial class AlertJob(
    IAlertGroupStore groups,
    IIncidentStore incidents,
    AlertRouter router,
    AlertView view,
    ChatDelivery delivery,
    BotCommands bot,
    IOptionsMonitor<AlertOptions> options,
    ILogger<AlertJob> logger) : IWorkHandler
{
    public const string Kind = "inbound.alert";

    string IWorkHandler.Kind => Kind;

    public static WorkItem Item(AlertNotification notification, ChatPlace alerts) =>
        new(Kind, notification.ToJson(), InboundJob.OrderingKey(alerts), notification.DeliveryKey);

    public async Task RunAsync(WorkItem item, CancellationToken cancellationToken)
    {
        var notification = AlertNotification.FromJson(item.Payload);
        var place = Place();
        var group = await groups.SaveAsync(notification, cancellationToken);
        if (group.Incident is { } linked && await incidents.FindAsync(linked, cancellationToken) is { IsOpen: true } incident)
        {
            await JoinAsync(incident, notification, cancellationToken);
            return;
        }
        if (!notification.Firing.Any())
        {
            await PostAsync(view.Resolved(notification), place, cancellationToken);
            return;
        }
        var route = router.Route(notification);
        if (route.Declare == AlertAction.Auto)
            await bot.GiveAsync(place, $"declare {group.Id}", $"alert:declare:{item.Id:N}", cancellationToken);
        else
            await PostAsync(view.Offer(notification, route), place, cancellationToken);
    }

    /// <summary>What the incident has not heard yet goes on its timeline (at the alerts' times) and in its thread.</summary>
    private async Task JoinAsync(Incident incident, AlertNotification notification, CancellationToken cancellationToken)
    {
        var (fresh, news) = (new List<TimelineEvent>(), new List<Alert>());
        foreach (var alert in notification.Alerts)
        {
            var unheard = new List<TimelineEvent>();
            foreach (var e in AlertTimeline.Of(incident.Id, notification.Group, alert))
            {
                if (!await incidents.HasEffectAsync(incident.Id, e.Effect!, cancellationToken)) unheard.Add(e);
            }
            if (unheard.Count == 0) continue;
            fresh.AddRange(unheard);
            news.Add(alert);
        }
        if (fresh.Count == 0) return;
        await incidents.AppendAsync([.. fresh.OrderBy(e => e.At)], cancellationToken);
        var joined = new Outgoing(Audience.Thread, view.Joined(notification, news), incident);
        await delivery.DeliverAsync([joined], Actor.System, incident.Place, cancellationToken);
    }

    /// <summary>The alerts channel hears that a notification could not be handled, so nobody waits for an offer that will not come.</summary>
    public async Task GiveUpAsync(WorkItem item, string reason, CancellationToken cancellationToken)
    {
        var group = AlertNotification.FromJson(item.Payload).Group;
        try
        {
            var told = ChatMessage.Plain($"An Alertmanager notification of {group} could not be handled: {reason.ReplaceLineEndings(" ")}");
            await PostAsync(told, Place(), cancellationToken);
        }
        catch (ChatSurfaceException e)
        {
            LogNotTold(e, group.Value);
        }
    }

    private Task PostAsync(ChatMessage message, ChatPlace place, CancellationToken cancellationToken) =>
        delivery.DeliverAsync([new Outgoing(Audience.Channel, message)], Actor.System, place, cancellationToken);

    private ChatPlace Place() =>
        options.CurrentValue.Place ?? throw new InvalidOperationException($"{AlertOptions.SectionName}:Channel is not set, so alerts have nowhere to go.");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the alerts channel that a notification of {Group} could not be handled")]
    private partial void LogNotTold(Exception exception, string group);
}
