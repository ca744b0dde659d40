using System.Net;
using System.Text.Json;
using ChatOps.Core.Inbound;

namespace ChatOps.Teams.Tests;

/// <summary>What an authenticated activity becomes in the core: who, where, what, and its delivery key.</summary>
public sealed class ActivityTests : IAsyncLifetime
{
    private TeamsTestHost _host = null!;

    public async Task InitializeAsync() => _host = await TeamsTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_channel_message_mentioning_the_bot_is_a_command_in_its_reply_chain()
    {
        var bob = $$""", { "mentioned": { "id": "29:1bob", "name": "Bob Example", "aadObjectId": "{{Activities.Bob}}" }, "text": "<at>Bob Example</at>", "type": "mention" }""";
        using var response = await _host.PostAsync(
            Activities.ChannelMessage(text: "<at>ChatOps</at> incident lead <at>Bob Example</at>", mentions: bob), _host.Identity.Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var envelope = Assert.Single(_host.Queue.Envelopes);
        Assert.Equal($"teams:{Activities.Alice}", envelope.Actor.Id.ToString());
        Assert.Equal("Alice Example", envelope.Actor.Name);
        Assert.Equal($"incident lead <@teams:{Activities.Bob}|Bob Example>", envelope.Text);
        Assert.Equal("teams:activity:1759944781430", envelope.DeliveryKey);
        Assert.Equal(("teams", Activities.Channel, "1759881511856"), (envelope.Place.Platform, envelope.Place.Channel, envelope.Place.Thread));
        Assert.True(TeamsAddress.TryParse(envelope.Place.Address, out var address));
        Assert.Equal(new TeamsAddress(FakeChannelIdentity.ServiceUrl, Activities.Channel, Activities.Tenant, "channel", Activities.BotId), address);
    }

    [Fact]
    public async Task Html_entities_are_decoded()
    {
        using var response = await _host.PostAsync(Activities.ChannelMessage(), _host.Identity.Token());
        Assert.Equal("incident declare sev2 GPU saturation & queue growth", Assert.Single(_host.Queue.Envelopes).Text);
    }

    [Fact]
    public async Task A_channel_message_that_does_not_mention_the_bot_is_ignored()
    {
        var json = Activities.ChannelMessage(text: "just chatting").Replace($"\"id\": \"{Activities.BotId}\", \"name\": \"ChatOps\" }}, \"text\": \"<at>ChatOps</at>\", \"type\": \"mention\"", "\"id\": \"29:1other\", \"name\": \"Other\" }, \"text\": \"<at>Other</at>\", \"type\": \"mention\"", StringComparison.Ordinal);
        using var response = await _host.PostAsync(json, _host.Identity.Token());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_host.Queue.Envelopes);
    }

    [Fact]
    public async Task A_personal_chat_message_is_a_command_without_a_mention()
    {
        using var response = await _host.PostAsync(Activities.Personal(), _host.Identity.Token());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var envelope = Assert.Single(_host.Queue.Envelopes);
        Assert.Equal("incident status", envelope.Text);
        Assert.Equal(("teams", "a:1rT9kQ2vXbWz8mN3pL6sH4jF0dG7cY5eA", (string?)null), (envelope.Place.Platform, envelope.Place.Channel, envelope.Place.Thread));
    }

    [Fact]
    public async Task A_retried_delivery_is_stored_once()
    {
        using (await _host.PostAsync(Activities.ChannelMessage(), _host.Identity.Token())) { }
        using var again = await _host.PostAsync(Activities.ChannelMessage(), _host.Identity.Token());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Single(_host.Queue.Envelopes);
    }

    [Fact]
    public async Task An_unreachable_store_is_503()
    {
        _host.Queue.Unreachable = true;
        using var response = await _host.PostAsync(Activities.ChannelMessage(), _host.Identity.Token());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Theory]
    [InlineData("typing")]
    [InlineData("conversationUpdate")]
    [InlineData("installationUpdate")]
    [InlineData("messageReaction")]
    public async Task Other_activities_are_acknowledged_and_ignored(string type)
    {
        using var response = await _host.PostAsync(Activities.OfType(type), _host.Identity.Token());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_host.Queue.Envelopes);
    }

    [Fact]
    public async Task A_card_action_runs_the_buttons_command_and_answers_with_a_message()
    {
        using var response = await _host.PostAsync(Activities.CardAction(), _host.Identity.Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(200, body.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.activity.message", body.RootElement.GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.String, body.RootElement.GetProperty("value").ValueKind);
        var envelope = Assert.Single(_host.Queue.Envelopes);
        Assert.Equal($"teams:{Activities.Bob}", envelope.Actor.Id.ToString());
        Assert.Equal("approve MIT-1", envelope.Text);
        Assert.Equal("teams:invoke:f:8f2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", envelope.DeliveryKey);
        Assert.Equal($"teams:click:{Activities.Bob}:1759881600000:incident.command:approve MIT-1", envelope.RepeatKey);
        Assert.Equal("1759881511856", envelope.Place.Thread);
    }

    [Fact]
    public async Task A_double_click_is_one_gesture()
    {
        using (await _host.PostAsync(Activities.CardAction(id: "f:1"), _host.Identity.Token())) { }
        using var second = await _host.PostAsync(Activities.CardAction(id: "f:2"), _host.Identity.Token());
        Assert.Contains(Inbound.TeamsActivities.Repeated, await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(_host.Queue.Envelopes);
    }

    [Fact]
    public async Task A_button_with_no_owner_changes_nothing()
    {
        using var response = await _host.PostAsync(Activities.CardAction(actionId: "someone.else"), _host.Identity.Token());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Inbound.TeamsActivities.Unowned, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(_host.Queue.Envelopes);
    }

    [Fact]
    public async Task A_card_action_when_the_store_is_unreachable_asks_to_try_again()
    {
        _host.Queue.Unreachable = true;
        using var response = await _host.PostAsync(Activities.CardAction(), _host.Identity.Token());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(InboundAnswer.TryAgain, body.RootElement.GetProperty("value").GetString());
    }

    [Fact]
    public async Task An_ActionSubmit_fallback_runs_the_same_command()
    {
        using var response = await _host.PostAsync(Activities.Submitted(), _host.Identity.Token());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var envelope = Assert.Single(_host.Queue.Envelopes);
        Assert.Equal("approve MIT-1", envelope.Text);
        Assert.Equal("teams:activity:1759944790000", envelope.DeliveryKey);
        Assert.NotNull(envelope.RepeatKey);
    }
}
