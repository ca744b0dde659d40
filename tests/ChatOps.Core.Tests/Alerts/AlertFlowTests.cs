using ChatOps.Core.Access;
using ChatOps.Core.Alerts;
using ChatOps.Core.Chat;
using ChatOps.Core.Inbound;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;
using ChatOps.Core.Safety;
using ChatOps.Core.Work;
using ChatOps.TestKit;
using Microsoft.Extensions.DependencyInjection;
using static ChatOps.TestKit.AlertSamples;

namespace ChatOps.Core.Tests.Alerts;

/// <summary>
/// Alertmanager's notifications through the pipeline and the work queue, as the host runs them: offered with a Declare
/// button, declared with the alerts first on the timeline at their own times, later firings joining the same incident.
/// </summary>
public sealed class AlertFlowTests
{
    private static readonly ChatPlace Alerts = new(RecordingChatSurface.DefaultPlatform, "C-ALERTS");

    private static Conversation Chat(params AlertRouteOptions[] routes) => new(channel: Alerts, configure: services => services.Configure<AlertOptions>(o =>
    {
        o.Channel = $"{Alerts.Platform}:{Alerts.Channel}";
        o.Routes.AddRange(routes);
    }));

    private static AlertRouteOptions Route(string matcher, string? runbook = null, string? severity = null, string? declare = null, string? run = null)
    {
        var route = new AlertRouteOptions { Runbook = runbook, Severity = severity, Declare = declare, Run = run };
        route.Matchers.Add(matcher);
        return route;
    }

    /// <summary>Hands the notification to the pipeline as the webhook does, then runs everything the queue holds, in order.</summary>
    private static async Task<InboundOutcome> SendAsync(Conversation chat, AlertNotification notification)
    {
        var answer = await chat.Get<InboundPipeline>().AcceptAsync(notification, default);
        await RunQueuedAsync(chat);
        return answer.Outcome;
    }

    private static async Task RunQueuedAsync(Conversation chat)
    {
        var queue = chat.Get<IWorkQueue>();
        var handlers = chat.Get<IEnumerable<IWorkHandler>>();
        while (await queue.TakeAsync("test", TimeSpan.FromMinutes(1), default) is { } lease)
        {
            using (WorkScope.Enter(lease.Item)) await handlers.Single(h => h.Kind == lease.Item.Kind).RunAsync(lease.Item, default);
            await queue.CompleteAsync(lease, default);
        }
    }

    private static RecordingChatSurface.Posted Offer(Conversation chat) =>
        Assert.Single(chat.Chat.Posts, p => p.Place.Thread is null && MessageText.Buttons(p.Message).Any(b => b.Label == "Declare"));

    [Fact]
    public async Task A_firing_alert_is_offered_and_its_Declare_button_opens_an_incident_that_begins_with_the_alert()
    {
        await using var chat = Chat(Route("alertname=HighLatency", "high-latency", "sev2"));
        Assert.Equal(InboundOutcome.Queued, await SendAsync(chat, Notification(Firing("HighLatency"))));

        var offer = Offer(chat);
        Assert.Equal(Alerts, offer.Place);
        Assert.Contains("Alert firing: HighLatency", MessageText.Of(offer.Message), StringComparison.Ordinal);
        Assert.Contains("instance: vllm-0", MessageText.Of(offer.Message), StringComparison.Ordinal);
        Assert.Empty(await chat.Store.ListOpenAsync(null, default));

        chat.Time.Advance(TimeSpan.FromMinutes(4));
        var declare = MessageText.Buttons(offer.Message).Single(b => b.Label == "Declare");
        await chat.ClickAsync("U-BOB", declare, offer.MessageId);

        var incident = Assert.Single(await chat.Store.ListOpenAsync(null, default));
        Assert.Equal((Severity.Sev2, "HighLatency: HighLatency on vllm-0", Alerts.Channel), (incident.Severity, incident.Title, incident.Place.Channel));
        var timeline = await chat.Store.TimelineAsync(incident.Id, default);
        Assert.Equal([TimelineKind.AlertFired, TimelineKind.Declared], timeline.Select(e => e.Kind));
        Assert.Equal(FiredAt, timeline[0].At);
        Assert.Equal(Conversation.Start.AddMinutes(4), timeline[1].At);
        Assert.Equal(Conversation.Person("U-BOB"), timeline[1].Actor);
        var thread = chat.Chat.Posts.Where(p => p.Place.Thread == incident.Place.Thread).Select(p => p.Message).ToList();
        Assert.Contains(thread, m => MessageText.Buttons(m).Any(b => b.Value == $"run {incident.Id} high-latency"));
        Assert.Equal(incident.Id, (await chat.Get<IAlertGroupStore>().FindAsync(Notification(Firing("HighLatency")).Group, default))!.Incident);
    }

    [Fact]
    public async Task Further_firings_of_the_group_join_its_incident_and_a_resolution_is_noted_at_the_alerts_end()
    {
        await using var chat = Chat(Route("alertname=HighLatency", declare: "auto"));
        var first = Firing("HighLatency", "vllm-0");
        await SendAsync(chat, Notification(first));
        var incident = Assert.Single(await chat.Store.ListOpenAsync(null, default));
        Assert.Equal(PersonId.BotPlatform, (await chat.Store.TimelineAsync(incident.Id, default))[1].Actor.Platform);

        var second = Firing("HighLatency", "vllm-1", FiredAt.AddMinutes(6));
        await SendAsync(chat, Notification(first, second));
        await SendAsync(chat, Notification(first, second)); // Alertmanager's retry of the same notification
        var endedAt = FiredAt.AddMinutes(20);
        await SendAsync(chat, Notification(Resolved(first, endedAt), second));

        Assert.Single(await chat.Store.ListOpenAsync(null, default));
        var alerts = (await chat.Store.TimelineAsync(incident.Id, default)).Where(e => e.Kind is TimelineKind.AlertFired or TimelineKind.AlertResolved).ToList();
        Assert.Equal(
            [(TimelineKind.AlertFired, FiredAt), (TimelineKind.AlertFired, FiredAt.AddMinutes(6)), (TimelineKind.AlertResolved, endedAt)],
            alerts.Select(e => (e.Kind, e.At)));
        Assert.Equal("Alert resolved: HighLatency: HighLatency on vllm-0", alerts[2].Text);
        var replies = chat.Chat.Posts.Where(p => p.Place.Thread == incident.Place.Thread).Select(p => MessageText.Of(p.Message)).ToList();
        Assert.Single(replies, r => r.Contains("1 alert fired in", StringComparison.Ordinal));
        Assert.Single(replies, r => r.Contains("1 alert resolved in", StringComparison.Ordinal));
        Assert.DoesNotContain(chat.Chat.Posts, p => MessageText.Buttons(p.Message).Any(b => b.Label == "Declare"));
    }

    [Fact]
    public async Task A_route_that_runs_by_itself_starts_its_runbook_in_the_new_thread()
    {
        await using var chat = Chat(Route("alertname=~\"High.*\"", "high-error-rate", "sev3", "auto", "auto"));
        await SendAsync(chat, Notification(Firing("HighErrorRate")));

        var incident = Assert.Single(await chat.Store.ListOpenAsync(null, default));
        var timeline = await chat.Store.TimelineAsync(incident.Id, default);
        var started = Assert.Single(timeline, e => e.Kind == TimelineKind.RunbookStarted);
        Assert.Equal(PersonId.BotPlatform, started.Actor.Platform);
        Assert.Contains(chat.Chat.Posts, p => p.Place.Thread == incident.Place.Thread && MessageText.Of(p.Message).Contains("Runbook high-error-rate is starting", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_second_Declare_click_answers_with_the_open_incident_and_a_resolved_one_lets_the_group_be_offered_again()
    {
        await using var chat = Chat();
        var alert = Notification(Firing("GPUSaturation"));
        await SendAsync(chat, alert);
        var declare = MessageText.Buttons(Offer(chat).Message).Single(b => b.Label == "Declare");
        await chat.ClickAsync("U-BOB", declare);
        var again = await chat.ClickAsync("U-ALICE", declare);

        var incident = Assert.Single(await chat.Store.ListOpenAsync(null, default));
        Assert.Equal($"{alert.Group} is {incident.Id} already; work it in that incident's thread.", MessageText.Of(Assert.Single(again.Messages).Message));

        await chat.SayAsync("U-BOB", $"resolve {incident.Id} scaled out");
        await SendAsync(chat, Notification(Firing("GPUSaturation", "vllm-9", FiredAt.AddHours(2))));
        Assert.Equal(2, chat.Chat.Posts.Count(p => MessageText.Buttons(p.Message).Any(b => b.Label == "Declare")));
        await chat.ClickAsync("U-ALICE", declare);
        var reopened = Assert.Single(await chat.Store.ListOpenAsync(null, default));
        Assert.NotEqual(incident.Id, reopened.Id);
        Assert.Equal(FiredAt.AddHours(2), (await chat.Store.TimelineAsync(reopened.Id, default))[0].At);
    }

    [Fact]
    public async Task Alert_text_is_redacted_cut_and_cannot_mention_anyone()
    {
        await using var chat = Chat();
        var summary = "token leaked: sk-proj-abcdefghijklmnopqrstuvwxyz0123456789 ping <@test:U-CEO> " + new string('x', 600);
        var alert = Firing("HighLatency", summary: summary) with
        {
            Labels = new Dictionary<string, string> { ["alertname"] = "HighLatency", ["dsn"] = "postgres://app:hunter2secret@db:5432/x" },
        };
        await SendAsync(chat, Notification(alert));

        var text = MessageText.Of(Offer(chat).Message);
        Assert.DoesNotContain("abcdefghijklmnopqrstuvwxyz0123456789", text, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2secret", text, StringComparison.Ordinal);
        Assert.Contains(SecretRedactor.Marker, text, StringComparison.Ordinal);
        Assert.DoesNotContain("<@", text, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('x', 400), text, StringComparison.Ordinal);
        Assert.Empty(Mention.People(string.Join("\n", Offer(chat).Message.Blocks.OfType<TextBlock>().Select(b => b.Text))));
    }

    [Fact]
    public async Task A_redelivered_notification_is_stored_once_and_a_changed_one_again()
    {
        await using var chat = Chat();
        var pipeline = chat.Get<InboundPipeline>();
        var firing = Notification(Firing("HighLatency"));

        Assert.Equal(InboundOutcome.Queued, (await pipeline.AcceptAsync(firing, default)).Outcome);
        Assert.Equal(InboundOutcome.Repeat, (await pipeline.AcceptAsync(firing with { Receiver = "again" }, default)).Outcome);
        Assert.Equal(InboundOutcome.Queued, (await pipeline.AcceptAsync(Notification(Resolved(firing.Alerts[0], FiredAt.AddMinutes(9))), default)).Outcome);
        Assert.Equal(2, (await chat.Get<IWorkQueue>().DepthAsync(default)).Waiting);
    }

    [Fact]
    public async Task A_retried_alert_item_posts_its_offer_once()
    {
        await using var chat = Chat();
        var item = AlertJob.Item(Notification(Firing("HighLatency")), Alerts);
        var job = chat.Get<IEnumerable<IWorkHandler>>().Single(h => h.Kind == AlertJob.Kind);
        using (WorkScope.Enter(item)) await job.RunAsync(item, default);
        using (WorkScope.Enter(item)) await job.RunAsync(item, default);

        Offer(chat);
    }
}
