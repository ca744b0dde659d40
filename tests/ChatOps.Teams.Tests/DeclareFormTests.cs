using System.Net;
using ChatOps.Core.Chat;
using ChatOps.Core.Inbound;
using ChatOps.Core.Incidents;
using ChatOps.Core.Work;
using ChatOps.TestKit;
using ChatOps.Teams.Inbound;

namespace ChatOps.Teams.Tests;

/// <summary>
/// <c>declare</c> without a title: a form card where the person asked (posted from the durable queue, as a worker runs
/// it), whose submission declares.
/// </summary>
public sealed class DeclareFormTests : IAsyncLifetime
{
    private TeamsTestHost _host = null!;

    public async Task InitializeAsync() => _host = await TeamsTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Declare_without_a_title_posts_a_form_with_the_typed_severity_chosen()
    {
        using var response = await _host.PostAsync(Activities.ChannelMessage(text: "<at>ChatOps</at> incident declare sev2"), _host.Identity.Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_host.Queue.Envelopes);
        var item = Assert.Single(_host.Queue.Items);
        Assert.Equal((DeclareFormJob.Kind, "teams:activity:1759944781430"), (item.Kind, item.DeliveryKey));
        Assert.Empty(_host.Cards.Posts);
        await RunAsync(item);

        var (place, activity) = Assert.Single(_host.Cards.Posts);
        Assert.Equal(("teams", Activities.Channel, "1759881511856"), (place.Platform, place.Channel, place.Thread));
        var card = activity["attachments"]![0]!["content"]!;
        var inputs = card["body"]!.AsArray().Where(e => e!["id"] is not null).ToDictionary(e => (string)e!["id"]!, e => e!);
        Assert.Equal(["field.title", "field.severity", "field.description"], inputs.Keys);
        Assert.True((bool)inputs["field.title"]["isRequired"]!);
        Assert.Equal("sev2", (string?)inputs["field.severity"]["value"]);
        Assert.Null(inputs["field.description"]["isRequired"]);
        var submit = card["body"]!.AsArray().Last()!["actions"]![0]!;
        Assert.Equal("Action.Execute", (string?)submit["type"]);
        Assert.Equal("teams.declare", (string?)submit["data"]!["actionId"]);
        Assert.Equal("teams.declare", (string?)submit["fallback"]!["data"]!["actionId"]);
    }

    [Fact]
    public async Task Declare_without_a_severity_chooses_sev3()
    {
        using (await _host.PostAsync(Activities.Personal("declare"), _host.Identity.Token())) { }
        await RunAsync(Assert.Single(_host.Queue.Items));
        var card = Assert.Single(_host.Cards.Posts).Activity["attachments"]![0]!["content"]!;
        Assert.Contains(card["body"]!.AsArray(), e => (string?)e!["id"] == "field.severity" && (string?)e["value"] == "sev3");
    }

    [Fact]
    public async Task A_retried_activity_and_a_retried_item_post_the_form_once()
    {
        var asked = Activities.ChannelMessage(text: "<at>ChatOps</at> incident declare sev2");
        using (await _host.PostAsync(asked, _host.Identity.Token())) { }
        using (var retried = await _host.PostAsync(asked, _host.Identity.Token())) Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        var item = Assert.Single(_host.Queue.Items);

        var journal = new InMemoryMessageJournal();
        await RunAsync(item, journal);
        await RunAsync(item, journal); // the worker retrying the item, after a crash before it completed

        Assert.Single(_host.Cards.Posts);
    }

    [Fact]
    public async Task When_the_form_cannot_be_posted_the_person_hears_how_to_declare_with_a_title()
    {
        using (await _host.PostAsync(Activities.ChannelMessage(text: "<at>ChatOps</at> incident declare sev1"), _host.Identity.Token())) { }
        var item = Assert.Single(_host.Queue.Items);
        _host.Cards.Failing = true;
        await Assert.ThrowsAsync<ChatSurfaceException>(() => RunAsync(item));

        await Job(new InMemoryMessageJournal()).GiveUpAsync(item, "post refused (scripted).", CancellationToken.None);
        var told = Assert.Single(_host.Surface.Posts);
        Assert.Equal((RecordingChatSurface.PostKind.Private, Activities.Alice), (told.Kind, told.User));
        Assert.Equal("Could not post the declare form: post refused (scripted). Declare with a title instead, e.g. "
            + "'incident declare sev1 GPU saturation on vllm-pool'.", told.Message.Summary);
    }

    [Fact]
    public async Task An_unreachable_store_is_503_for_a_declare_without_a_title()
    {
        _host.Queue.Unreachable = true;
        using var response = await _host.PostAsync(Activities.ChannelMessage(text: "<at>ChatOps</at> incident declare"), _host.Identity.Token());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task A_declare_with_a_title_is_a_command_as_before()
    {
        using (await _host.PostAsync(Activities.ChannelMessage(), _host.Identity.Token())) { }
        Assert.Equal(InboundJob.Kind, Assert.Single(_host.Queue.Items).Kind);
        Assert.Single(_host.Queue.Envelopes);
    }

    [Fact]
    public async Task Submitting_the_form_declares()
    {
        var data = Activities.DeclareData(title: "GPU saturation", severity: "sev1", description: "Queue grows since 09:00.");
        using var response = await _host.PostAsync(Activities.FormAction(data), _host.Identity.Token());

        Assert.Equal("Bob Example chose Request: working on it.", await FormTests.MessageAsync(response));
        var envelope = Assert.Single(_host.Queue.Envelopes);
        Assert.Equal("declare sev1 GPU saturation", envelope.Text);
        Assert.Equal("Queue grows since 09:00.", envelope.Description);
        Assert.Equal($"teams:{Activities.Bob}", envelope.Actor.Id.ToString());
        Assert.Equal("teams:invoke:f:5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d", envelope.DeliveryKey);
        Assert.NotNull(envelope.RepeatKey);
    }

    [Fact]
    public async Task An_empty_description_is_none()
    {
        using (await _host.PostAsync(Activities.FormAction(Activities.DeclareData()), _host.Identity.Token())) { }
        Assert.Null(Assert.Single(_host.Queue.Envelopes).Description);
    }

    [Theory]
    [InlineData("", "sev2", "An incident needs a title.")]
    [InlineData("GPU saturation", "sev9", "Choose SEV1 to SEV4.")]
    public async Task A_mistake_is_refused_in_the_invoke_response(string title, string severity, string expected)
    {
        using var response = await _host.PostAsync(Activities.FormAction(Activities.DeclareData(title, severity)), _host.Identity.Token());
        Assert.Equal(expected, await FormTests.MessageAsync(response));
        Assert.Empty(_host.Queue.Envelopes);
    }

    [Fact]
    public async Task A_title_too_long_is_refused()
    {
        using var response = await _host.PostAsync(Activities.FormAction(Activities.DeclareData(new string('x', 151))), _host.Identity.Token());
        Assert.StartsWith("Keep the title to 150 characters", await FormTests.MessageAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_fallback_declares_and_a_mistake_in_it_is_posted()
    {
        using (await _host.PostAsync(Activities.FormSubmitted(Activities.DeclareData(title: "")), _host.Identity.Token())) { }
        Assert.Equal("An incident needs a title.", Assert.Single(_host.Surface.Posts).Message.Summary);

        using (await _host.PostAsync(Activities.FormSubmitted(Activities.DeclareData(), id: "1759944796000"), _host.Identity.Token())) { }
        Assert.Equal("declare sev2 GPU saturation", Assert.Single(_host.Queue.Envelopes).Text);
    }

    private async Task RunAsync(WorkItem item, InMemoryMessageJournal? journal = null)
    {
        using (WorkScope.Enter(item)) await Job(journal ?? new InMemoryMessageJournal()).RunAsync(item, CancellationToken.None);
    }

    private DeclareFormJob Job(InMemoryMessageJournal journal) =>
        new(_host.Cards, journal, new ChatDelivery([_host.Surface], _host.Core.Store, _host.Core.Get<IncidentChanger>(), journal));
}
