using System.Net;
using ChatOps.Core.Incidents;

namespace ChatOps.Host.Tests;

/// <summary>What an attacker or a confused client sends: malformed clicks, replays. A 4xx or a polite answer, never a 500, and once only.</summary>
public sealed class HostileInputTests(ChatOpsFactory factory) : IClassFixture<ChatOpsFactory>
{
    private const string Alice = "U0ALICE001";
    private const string Form = "application/x-www-form-urlencoded";
    private readonly HttpClient _client = factory.CreateClient();
    private readonly string _channel = Waits.NewChannel();

    public static TheoryData<string> MalformedClicks => new()
    {
        """{"type":"block_actions"}""",
        """{"type":"block_actions","user":null,"actions":[{"action_id":"incident.command","value":"status"}]}""",
        """{"type":"block_actions","user":{"id":null},"channel":{"id":"C1"},"container":{"message_ts":"1.1"},"actions":[{"action_id":"incident.command","value":"status"}]}""",
        """{"type":"block_actions","user":{"id":"U 1"},"channel":{"id":"C1"},"container":{"message_ts":"1.1"},"actions":[{"action_id":"incident.command","value":"status"}]}""",
        """{"type":"block_actions","user":{"id":"U1"},"channel":{"id":"C1"},"container":{"message_ts":"1.1"},"actions":[{"action_id":null,"value":"status"}]}""",
        """{"type":"block_actions","user":{"id":"U1"},"channel":{"id":"C1"},"container":{"message_ts":"1.1"},"actions":[null]}""",
        """{"type":"block_actions","user":{"id":"U1"},"channel":{"id":"C1"},"container":{"message_ts":"1.1"},"actions":[{"action_id":"incident.command","value":null}]}""",
        """{"type":"block_actions","user":{"id":"U1"},"channel":{"id":null},"container":{"message_ts":null},"actions":[{"action_id":"incident.command","value":"status"}]}""",
        """{"type":null,"user":{"id":"U1"}}""",
        """{"type":"view_submission","user":{"id":"U1"},"view":{"id":"V1","callback_id":"incident.declare","state":null}}""",
        """{"type":"view_submission","user":{"id":"U1"},"view":{"id":"V1","callback_id":"incident.declare","state":{"values":null}}}""",
        """{"type":"view_submission","user":{"id":"U1"},"view":null}""",
        """{"type":"view_submission","user":{"id":"U1"},"view":{"id":"V2","callback_id":"incident.form","state":{"values":null}}}""",
        """{"type":"view_submission","user":{"id":"U1"},"view":{"id":"V2","callback_id":"incident.form","private_metadata":"{\\"command\\":\\"mitigate x/block\\",\\"fields\\":[\\"subject\\"],\\"channel\\":\\"C1\\"}","state":{"values":{"subject":null}}}}""",
        """{"type":"block_actions","user":{"id":"U1"},"actions":{"not":"a list"}}""",
        """[]""",
        """null""",
    };

    [Theory]
    [MemberData(nameof(MalformedClicks))]
    public async Task A_malformed_click_gets_a_client_error_or_an_ok_never_a_server_error(string payload)
    {
        var response = await _client.PostAsync("/slack/interactions", "payload=" + Uri.EscapeDataString(payload), Form);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{(int)response.StatusCode} for {payload}");
    }

    [Theory]
    [InlineData("U 1")]
    [InlineData("U1>x")]
    [InlineData("")]
    public async Task A_slash_command_from_an_impossible_user_id_gets_400(string user)
    {
        var body = $"command=%2Fincident&text=list&user_id={Uri.EscapeDataString(user)}&channel_id=C1&trigger_id=1.2.3";
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.PostAsync("/slack/commands", body, Form)).StatusCode);
    }

    [Fact]
    public async Task A_signed_slash_command_replayed_inside_its_window_runs_once()
    {
        var declare = $"command=%2Fincident&text=declare%20sev3%20Replayed%20command&user_id={Alice}&channel_id={_channel}&trigger_id=7.replay.1";
        var at = DateTimeOffset.UtcNow;
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync("/slack/commands", declare, Form, at: at)).StatusCode);
        var root = await factory.Workspace.RootAsync(_channel, "Replayed");
        await factory.Workspace.ReplyAsync(root.Ts, "declared by");

        // The same signed bytes again, seconds later: Slack's signature check alone would accept them.
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync("/slack/commands", declare, Form, at: at)).StatusCode);
        // A command without a trigger id is known by its signature.
        var note = $"command=%2Fincident&text=note%20replayed%20note&user_id={Alice}&channel_id={_channel}";
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync("/slack/commands", note, Form, at: at)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync("/slack/commands", note, Form, at: at)).StatusCode);
        await factory.Workspace.BarrierAsync(_client, Alice, _channel, root.Ts);

        var incident = Assert.Single(await factory.Store.ListOpenAsync(new ChatPlace("slack", _channel), CancellationToken.None));
        Assert.Single(await factory.Store.TimelineAsync(incident.Id, CancellationToken.None), e => e.Text.Contains("replayed note", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_different_buttons_clicked_on_one_message_within_a_moment_both_run()
    {
        await _client.CommandAsync(Alice, _channel, "declare sev3 Two buttons");
        var root = await factory.Workspace.RootAsync(_channel, "Two");
        await factory.Workspace.ReplyAsync(root.Ts, "declared by");
        var incident = Assert.Single(await factory.Store.ListOpenAsync(new ChatPlace("slack", _channel), CancellationToken.None));

        // Buttons of two action blocks can share an action id; their values tell them apart.
        await _client.ClickAsync(Alice, _channel, root.Ts, "incident.command#0", $"note {incident.Id} first button", "3.000001");
        await _client.ClickAsync(Alice, _channel, root.Ts, "incident.command#0", $"note {incident.Id} second button", "3.000002");
        await factory.Workspace.BarrierAsync(_client, Alice, _channel, root.Ts);

        var notes = await factory.Store.TimelineAsync(incident.Id, CancellationToken.None);
        Assert.Single(notes, e => e.Text.Contains("first button", StringComparison.Ordinal));
        Assert.Single(notes, e => e.Text.Contains("second button", StringComparison.Ordinal));
    }
}
