using System.Net;
using System.Text.Json;
using ChatOps.Core.Commands;
using ChatOps.Core.Inbound;
using ChatOps.Core.Incidents;
using ChatOps.Teams.Inbound;

namespace ChatOps.Teams.Tests;

/// <summary>A form's answers, from an invoke or its Action.Submit fallback: checked as Slack checks them, then the completed command.</summary>
public sealed class FormTests : IAsyncLifetime
{
    private TeamsTestHost _host = null!;
    private string _command = null!;

    public async Task InitializeAsync()
    {
        _host = await TeamsTestHost.StartAsync();
        var incident = await _host.Core.DeclareAsync("alice", "sev2 Login abuse");
        // The form is on a card in the incident's Teams thread; an incident of another place is refused there, as it should be.
        var inTeams = incident with { Place = new ChatPlace(TeamsPlatform.Name, Activities.Channel, "1759881511856"), Version = incident.Version + 1 };
        Assert.True(await _host.Core.Store.TryUpdateAsync(inTeams, [], CancellationToken.None));
        _command = $"mitigate {incident.Id} api-abuse/block-ip";
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_submitted_form_completes_its_command_with_the_answers()
    {
        using var response = await _host.PostAsync(Activities.FormAction(Activities.FormData(_command, " 203.0.113.7 ")), _host.Identity.Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bob Example chose Request: working on it.", await MessageAsync(response));
        var envelope = Assert.Single(_host.Queue.Envelopes);
        Assert.Equal($"{_command} 203.0.113.7", envelope.Text);
        Assert.Equal($"teams:{Activities.Bob}", envelope.Actor.Id.ToString());
        Assert.Equal("teams:invoke:f:5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d", envelope.DeliveryKey);
        Assert.Equal("1759881511856", envelope.Place.Thread);
        Assert.NotNull(envelope.Incident);
    }

    [Fact]
    public async Task A_missing_answer_is_refused_in_the_invoke_response()
    {
        using var response = await _host.PostAsync(Activities.FormAction(Activities.FormData(_command, "")), _host.Identity.Token());
        Assert.Equal("Answer 'subject': choose one, or type one.", await MessageAsync(response));
        Assert.Empty(_host.Queue.Envelopes);
    }

    [Fact]
    public async Task An_answer_of_more_than_one_word_is_refused()
    {
        using var response = await _host.PostAsync(Activities.FormAction(Activities.FormData(_command, "203.0.113.7 and more")), _host.Identity.Token());
        Assert.Equal("Answer 'subject' with one word, without spaces.", await MessageAsync(response));
        Assert.Empty(_host.Queue.Envelopes);
    }

    [Fact]
    public async Task What_the_core_refuses_is_said_in_the_invoke_response()
    {
        using var response = await _host.PostAsync(Activities.FormAction(Activities.FormData(_command, "not-an-ip!")), _host.Identity.Token());
        var expected = CommandParser.Parse($"{_command} not-an-ip!").Error!;
        Assert.Equal(CommandErrorCode.BadSubject, expected.Code);
        Assert.Equal(expected.Message, await MessageAsync(response));
        Assert.Empty(_host.Queue.Envelopes);
    }

    [Fact]
    public async Task A_form_whose_data_lists_no_fields_is_refused()
    {
        var data = $$"""{ "actionId": "incident.form", "value": "{{_command}}", "field.subject": "203.0.113.7" }""";
        using var response = await _host.PostAsync(Activities.FormAction(data), _host.Identity.Token());
        Assert.Contains("click its button again", await MessageAsync(response), StringComparison.Ordinal);
        Assert.Empty(_host.Queue.Envelopes);
    }

    [Fact]
    public async Task A_listed_field_that_is_not_an_input_is_no_answer()
    {
        var data = $$"""{ "actionId": "incident.form", "value": "{{_command}}", "fields": ["actionId"] }""";
        using var response = await _host.PostAsync(Activities.FormAction(data), _host.Identity.Token());
        Assert.Equal("Answer 'actionId': choose one, or type one.", await MessageAsync(response));
        Assert.Empty(_host.Queue.Envelopes);
    }

    [Fact]
    public async Task A_double_submit_runs_once()
    {
        using (await _host.PostAsync(Activities.FormAction(Activities.FormData(_command, "203.0.113.7"), id: "f:1"), _host.Identity.Token())) { }
        using var second = await _host.PostAsync(Activities.FormAction(Activities.FormData(_command, "203.0.113.7"), id: "f:2"), _host.Identity.Token());
        Assert.Equal(TeamsActivities.Repeated, await MessageAsync(second));
        Assert.Single(_host.Queue.Envelopes);
    }

    [Fact]
    public async Task An_unreachable_store_asks_to_try_again()
    {
        _host.Queue.Unreachable = true;
        using var response = await _host.PostAsync(Activities.FormAction(Activities.FormData(_command, "203.0.113.7")), _host.Identity.Token());
        Assert.Equal(InboundAnswer.TryAgain, await MessageAsync(response));
    }

    [Fact]
    public async Task The_ActionSubmit_fallback_completes_the_same_command()
    {
        using var response = await _host.PostAsync(Activities.FormSubmitted(Activities.FormData(_command, "203.0.113.7")), _host.Identity.Token());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var envelope = Assert.Single(_host.Queue.Envelopes);
        Assert.Equal($"{_command} 203.0.113.7", envelope.Text);
        Assert.Equal("teams:activity:1759944795000", envelope.DeliveryKey);
        Assert.NotNull(envelope.RepeatKey);
        Assert.Empty(_host.Surface.Posts);
    }

    [Fact]
    public async Task A_mistake_in_the_fallback_is_posted_to_the_person_where_the_card_is()
    {
        using var response = await _host.PostAsync(Activities.FormSubmitted(Activities.FormData(_command, "two words")), _host.Identity.Token());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_host.Queue.Envelopes);
        var told = Assert.Single(_host.Surface.Posts);
        Assert.Equal(ChatOps.TestKit.RecordingChatSurface.PostKind.Private, told.Kind);
        Assert.Equal(Activities.Bob, told.User);
        Assert.Equal("1759881511856", told.Place.Thread);
        Assert.Equal("Answer 'subject' with one word, without spaces.", told.Message.Summary);
    }

    internal static async Task<string?> MessageAsync(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(200, body.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.activity.message", body.RootElement.GetProperty("type").GetString());
        return body.RootElement.GetProperty("value").GetString();
    }
}
