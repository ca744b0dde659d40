using ChatOps.Core.Alerts;
using ChatOps.Core.Incidents;
using static ChatOps.TestKit.AlertSamples;

namespace ChatOps.TestKit;

/// <summary>
/// What every <see cref="IAlertGroupStore"/> must do. A store's test class derives from this and supplies a fresh, empty
/// store beside the incident store whose incidents it links to.
/// </summary>
public abstract class AlertGroupStoreContract
{
    protected abstract Task<(IAlertGroupStore Groups, IIncidentStore Incidents)> CreateStoresAsync();

    [Fact]
    public async Task A_saved_group_reads_back_its_notification_field_for_field_and_no_incident()
    {
        var (groups, _) = await CreateStoresAsync();
        var notification = Notification(Firing("HighLatency", "vllm-0"), Resolved(Firing("HighLatency", "vllm-1", FiredAt.AddMinutes(-3)), FiredAt.AddTicks(1234567)))
            with { TruncatedAlerts = 7, CommonAnnotations = new Dictionary<string, string> { ["summary"] = "it's \"slow\" ✓" } };

        var saved = await groups.SaveAsync(notification, default);
        var found = await groups.FindAsync(notification.Group, default);

        Assert.Equal(notification.Group, saved.Id);
        Assert.NotNull(found);
        Assert.Null(found.Incident);
        Assert.Equal(notification.ToJson(), found.Latest.ToJson());
        Assert.Equal(notification.DeliveryKey, found.Latest.DeliveryKey);
    }

    [Fact]
    public async Task A_group_never_saved_is_not_found_and_cannot_be_linked()
    {
        var (groups, incidents) = await CreateStoresAsync();
        var incident = await Incident(incidents);
        var unknown = AlertGroupId.Of("{}:{alertname=\"Nobody\"}");

        Assert.Null(await groups.FindAsync(unknown, default));
        Assert.False(await groups.LinkAsync(unknown, incident.Id, default));
        Assert.Null(await groups.FindAsync(unknown, default));
    }

    [Fact]
    public async Task A_link_survives_newer_notifications_and_a_later_link_replaces_it()
    {
        var (groups, incidents) = await CreateStoresAsync();
        var (first, second) = (await Incident(incidents), await Incident(incidents));
        var group = Notification(Firing("GPUSaturation"));
        await groups.SaveAsync(group, default);

        Assert.True(await groups.LinkAsync(group.Group, first.Id, default));
        var newer = Notification(Firing("GPUSaturation"), Firing("GPUSaturation", "vllm-7"));
        var saved = await groups.SaveAsync(newer, default);
        Assert.Equal(first.Id, saved.Incident);
        Assert.Equal(2, (await groups.FindAsync(group.Group, default))!.Latest.Alerts.Count);

        Assert.True(await groups.LinkAsync(group.Group, second.Id, default));
        Assert.Equal(second.Id, (await groups.FindAsync(group.Group, default))!.Incident);
    }

    [Fact]
    public async Task Groups_are_kept_apart_by_their_key()
    {
        var (groups, incidents) = await CreateStoresAsync();
        var incident = await Incident(incidents);
        var latency = Notification(Firing("HighLatency"));
        var errors = Notification(Firing("HighErrorRate"));
        await Task.WhenAll(groups.SaveAsync(latency, default), groups.SaveAsync(errors, default));
        await groups.LinkAsync(latency.Group, incident.Id, default);

        Assert.Equal(incident.Id, (await groups.FindAsync(latency.Group, default))!.Incident);
        Assert.Null((await groups.FindAsync(errors.Group, default))!.Incident);
        Assert.Equal("HighErrorRate", (await groups.FindAsync(errors.Group, default))!.Latest.Alerts[0].Name);
    }

    private static Task<Incident> Incident(IIncidentStore incidents) =>
        incidents.CreateAsync(new NewIncident("from an alert", Severity.Sev2, new ChatPlace("slack", "C-ALERTS"), TestPeople.P("U1"), FiredAt, null), _ => [], default);
}
