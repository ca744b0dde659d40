using System.Net;
using System.Text.Json.Nodes;
using ChatOps.Core.Incidents;
using ChatOps.LocalWorkspace;

namespace ChatOps.Host.Tests;

/// <summary>End to end through the host: signed Slack requests in, Web API calls to the local workspace out.</summary>
public sealed class SlackFlowTests(ChatOpsFactory factory) : IClassFixture<ChatOpsFactory>
{
    private const string Alice = "U0ALICE001";
    private const string Bob = "U0BOB00001";
    private readonly HttpClient _client = factory.CreateClient();
    private readonly string _channel = Waits.NewChannel();

    private Workspace Workspace => factory.Workspace;

    [Fact]
    public async Task Declare_posts_the_root_and_its_thread_and_a_click_keeps_the_root_current()
    {
        var response = await _client.CommandAsync(Bob, _channel, "declare sev3 GPU saturation on vllm-pool");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());

        var root = await Workspace.RootAsync(_channel, "GPU saturation on vllm-pool");
        await Workspace.ReplyAsync(root.Ts, "declared by");
        var incident = Assert.Single(await factory.Store.ListOpenAsync(new ChatPlace("slack", _channel), CancellationToken.None));
        Assert.Equal(root.Ts, incident.Place.Thread);

        var (actionId, value) = root.Button("Mitigated");
        Assert.Equal(HttpStatusCode.OK, (await _client.ClickAsync(Bob, _channel, root.Ts, actionId, value, "1.000001")).StatusCode);
        await Workspace.ReplyAsync(root.Ts, "is mitigated");
        var updated = await Workspace.MessageAsync(m => m.Ts == root.Ts && m.Edited && m.Content().Contains("mitigated", StringComparison.Ordinal));
        Assert.DoesNotContain("\"Mitigated\"", updated.Content(), StringComparison.Ordinal);
        Assert.Contains(Workspace.Calls, c => c.Method == "chat.update" && (string?)c.Args["ts"] == root.Ts);
    }

    [Fact]
    public async Task A_button_clicked_twice_or_delivered_twice_is_processed_once()
    {
        var root = await DeclareAsync("Double click");
        var (actionId, value) = root.Button("Mitigated");
        await _client.ClickAsync(Alice, _channel, root.Ts, actionId, value, "2.000001");
        await _client.ClickAsync(Alice, _channel, root.Ts, actionId, value, "2.000001"); // Slack delivering the same click again
        await _client.ClickAsync(Alice, _channel, root.Ts, actionId, value, "2.000002"); // a second click a moment later
        await Workspace.BarrierAsync(_client, Alice, _channel, root.Ts);
        Assert.Single(Workspace.Messages, m => m.ThreadTs == root.Ts && m.Content().Contains("is mitigated", StringComparison.Ordinal));
        Assert.DoesNotContain(Workspace.Messages, m => m.ThreadTs == root.Ts && m.Content().Contains("already", StringComparison.Ordinal));
        var incident = Assert.Single(await factory.Store.ListOpenAsync(new ChatPlace("slack", _channel), CancellationToken.None));
        Assert.Single(await factory.Store.TimelineAsync(incident.Id, CancellationToken.None), e => e.Kind == TimelineKind.StatusChanged);
    }

    [Fact]
    public async Task Approving_by_request_id_is_not_refused_for_a_channel_with_several_incidents()
    {
        await DeclareAsync("First of two");
        await DeclareAsync("Second of two");
        var response = await _client.CommandAsync(Bob, _channel, "approve MIT-424242");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Queued for its handler, which finds the incident through the request, rather than refused as ambiguous.
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_retried_event_is_processed_once_and_a_mention_in_the_thread_acts_on_its_incident()
    {
        var root = await DeclareAsync("Retried event");
        await _client.MentionAsync("Ev0RETRY1", Bob, _channel, root.Ts, "note KV cache &amp; queue at 98%");
        var retry = new Dictionary<string, string> { ["X-Slack-Retry-Num"] = "1", ["X-Slack-Retry-Reason"] = "http_timeout" };
        Assert.Equal(HttpStatusCode.OK, (await _client.MentionAsync("Ev0RETRY1", Bob, _channel, root.Ts, "note KV cache &amp; queue at 98%", retry)).StatusCode);
        await Workspace.BarrierAsync(_client, Alice, _channel, root.Ts);
        var incident = Assert.Single(await factory.Store.ListOpenAsync(new ChatPlace("slack", _channel), CancellationToken.None));
        var note = Assert.Single(await factory.Store.TimelineAsync(incident.Id, CancellationToken.None), e => e.Text.Contains("KV cache", StringComparison.Ordinal));
        Assert.Equal("KV cache & queue at 98%", note.Text);
        Assert.Equal(new Core.Access.PersonId("slack", Bob), note.Actor);
    }

    [Fact]
    public async Task Forged_missing_and_stale_signatures_get_401_and_change_nothing()
    {
        var declare = LocalRequests.SlashCommand(Alice, _channel, "declare sev3 Forged", "0.none");
        var click = LocalRequests.BlockActions(Alice, _channel, "1.0", null, "incident.command#0", "declare sev3 Forged", "1.0", "0.none");
        var mention = LocalRequests.AppMention("Ev0FORGED", Alice, _channel, "<@U0BOT00001> declare sev3 Forged", "1.0", null);
        foreach (var (path, body, type) in new[] { ("/slack/commands", declare, LocalRequests.FormType), ("/slack/interactions", click, LocalRequests.FormType), ("/slack/events", mention, LocalRequests.JsonType) })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await _client.PostAsync(path, body, type, secret: "not-the-secret")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await _client.PostAsync(path, body, type, sign: false)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await _client.PostAsync(path, body, type, at: DateTimeOffset.UtcNow.AddMinutes(-6))).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.PostAsync("/slack/events", LocalRequests.UrlVerification("c"), LocalRequests.JsonType, secret: "x")).StatusCode);

        // Work of one channel runs in order: once a later declaration has landed, nothing forged is left to come.
        await DeclareAsync("Genuine");
        Assert.Single(await factory.Store.ListOpenAsync(new ChatPlace("slack", _channel), CancellationToken.None));
        Assert.DoesNotContain(Workspace.Messages, m => m.Content().Contains("Forged", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Slacks_certificate_check_is_acknowledged_and_does_nothing()
    {
        var response = await _client.PostAsync("/slack/commands", "token=local&ssl_check=1", LocalRequests.FormType);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Url_verification_is_answered_with_the_challenge()
    {
        var response = await _client.PostAsync("/slack/events", LocalRequests.UrlVerification("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"), LocalRequests.JsonType);
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["challenge"]);
    }

    [Theory]
    [InlineData("help", "/incident commands")]
    [InlineData("status", "This channel has no open incident")]
    [InlineData("frobnicate", "is not a command")]
    [InlineData("declare sev9 Broken", "is not a severity")]
    [InlineData("note INC-2026-9999 hello", "There is no incident INC-2026-9999")]
    [InlineData("", "Say what to do")]
    public async Task Quick_reads_and_user_errors_answer_ephemerally_in_the_acknowledgement_and_post_nothing(string text, string expected)
    {
        var response = await _client.CommandAsync(Alice, _channel, text);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("ephemeral", (string?)body["response_type"]);
        Assert.Contains(expected, body.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), StringComparison.Ordinal);
        Assert.DoesNotContain(Workspace.Calls, c => (string?)c.Args["channel"] == _channel);
    }

    [Fact]
    public async Task A_secret_in_the_timeline_is_redacted_from_status_and_timeline_in_the_acknowledgement()
    {
        const string Key = "sk-proj-4f8Qz1xY7mN2pL5vR8tW3kJ6hG9dS0aB";
        var root = await DeclareAsync("Leaky gateway");
        await _client.MentionAsync("Ev0" + Guid.NewGuid().ToString("N")[..8], Alice, _channel, root.Ts, $"note gateway logged OPENAI_API_KEY={Key}");
        await Workspace.BarrierAsync(_client, Alice, _channel, root.Ts);
        foreach (var view in new[] { "status", "timeline" })
        {
            var body = await (await _client.CommandAsync(Alice, _channel, view)).Content.ReadAsStringAsync();
            Assert.DoesNotContain(Key, body, StringComparison.Ordinal);
            Assert.Contains("sk-proj-[REDACTED]", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Declare_without_a_title_opens_a_modal_whose_submission_declares()
    {
        var trigger = Workspace.IssueTrigger(Bob);
        var opened = await _client.CommandAsync(Bob, _channel, "declare sev2", trigger);
        Assert.Equal("", await opened.Content.ReadAsStringAsync());
        var view = Assert.Single(Workspace.Views, v => v.User == Bob && ((string?)v.View["private_metadata"])!.Contains(_channel, StringComparison.Ordinal));
        Assert.Equal("incident.declare", (string?)view.View["callback_id"]);
        Assert.Equal("sev2", (string?)view.View["blocks"]![1]!["element"]!["initial_option"]!["value"]);

        var empty = await SubmitAsync(view, "  ", "sev3", null);
        Assert.Equal("An incident needs a title.", (string?)JsonNode.Parse(empty)!["errors"]!["title"]);

        // Any severity from anyone (the form no longer refuses a SEV1): a responder's SEV1 awaits a manager's confirmation.
        Assert.Equal("", await SubmitAsync(view, "Embedding latency", "sev1", "p99 above 2 s since 09:10"));
        var root = await Workspace.RootAsync(_channel, "Embedding latency");
        Assert.Contains("SEV1", root.Content(), StringComparison.Ordinal);
        Assert.Contains("awaits a manager's confirmation", root.Content(), StringComparison.Ordinal);
        await Workspace.ReplyAsync(root.Ts, "Description: p99 above 2 s since 09:10");
    }

    [Fact]
    public async Task A_block_without_whom_answers_with_a_form_whose_modal_checks_the_subject_and_requests_it()
    {
        var root = await DeclareAsync("Spend spike");
        var incident = Assert.Single(await factory.Store.ListOpenAsync(new ChatPlace("slack", _channel), CancellationToken.None));
        await _client.CommandAsync(Alice, _channel, $"mitigate {incident.Id} cost-spike/block-suspicious-users");
        var ask = await Workspace.MessageAsync(m => m.Channel == _channel && m.VisibleTo == Alice && m.Content().Contains("Say whom to block", StringComparison.Ordinal));

        var (actionId, value) = ask.Button("Choose whom to block");
        var click = LocalRequests.BlockActions(Alice, _channel, ask.Ts, null, actionId, value, "7.000001", Workspace.IssueTrigger(Alice), ephemeral: true);
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync("/slack/interactions", click, LocalRequests.FormType)).StatusCode);
        var view = Assert.Single(Workspace.Views, v => v.User == Alice && (string?)v.View["callback_id"] == "incident.form");
        Assert.Equal("Block suspicious users", (string?)view.View["title"]!["text"]);

        // The core's grammar checks the answer; its refusal is shown under the field and the modal stays open.
        Assert.Equal("Type one word, without spaces.", (string?)JsonNode.Parse(await SubmitFormAsync(view, "bob smith"))!["errors"]!["subject"]);
        var refused = await SubmitFormAsync(view, "smith*");
        Assert.Contains("neither an IP address nor a user id", (string?)JsonNode.Parse(refused)!["errors"]!["subject"], StringComparison.Ordinal);
        Assert.Equal("", await SubmitFormAsync(view, "203.0.113.7"));

        // No Redis target is configured here, so the request stops at reading the block; that it got that far shows the
        // subject arrived with the command (without one the bot would ask whom to block again).
        await Workspace.MessageAsync(m => m.VisibleTo == Alice && m.Content().Contains("Cannot read what Block suspicious users would change", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Injected_markup_is_neutralised_in_everything_the_bot_posts()
    {
        var root = await DeclareAsync("Outage <!channel> <!subteam^S1|@oncall> <https://evil.example|status page>");
        var mention = await Workspace.ReplyAsync(root.Ts, "declared by");
        foreach (var text in root.MrkdwnTexts().Concat(mention.MrkdwnTexts()).Append(root.Text))
        {
            Assert.DoesNotContain("<!", text, StringComparison.Ordinal);
            Assert.DoesNotContain("<https", text, StringComparison.Ordinal);
        }
        Assert.Contains(root.MrkdwnTexts(), t => t.Contains($"<@{Alice}>", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_429_while_declaring_is_waited_out_and_root_and_thread_land_in_order()
    {
        Workspace.RateLimitNext("chat.postMessage", retryAfterSeconds: 1);
        var root = await DeclareAsync("Rate limited");
        var welcome = await Workspace.ReplyAsync(root.Ts, "declared by");
        var messages = Workspace.Messages.ToList();
        Assert.True(messages.IndexOf(root) < messages.FindIndex(m => m.Ts == welcome.Ts));
        Assert.Contains(Workspace.Calls, c => c.Method == "chat.postMessage" && c.Status == 429);
    }

    [Fact]
    public async Task The_postmortem_is_uploaded_as_a_markdown_file_in_the_thread()
    {
        var root = await DeclareAsync("Postmortem please");
        await _client.MentionAsync("Ev0POSTMORTEM", Alice, _channel, root.Ts, "postmortem");
        var shared = await Workspace.MessageAsync(m => m.ThreadTs == root.Ts && m.Files is { Count: 1 });
        Assert.EndsWith("-postmortem.md", shared.Files![0].Name, StringComparison.Ordinal);
        Assert.Contains("Postmortem please", Workspace.File(shared.Files[0].Id)!.Content, StringComparison.Ordinal);
    }

    private async Task<LocalMessage> DeclareAsync(string title)
    {
        Assert.Equal(HttpStatusCode.OK, (await _client.CommandAsync(Alice, _channel, $"declare sev3 {title}")).StatusCode);
        // The first word finds the root even where the rest of the title was escaped.
        var root = await Workspace.RootAsync(_channel, title.Split(' ')[0]);
        await Workspace.ReplyAsync(root.Ts, "declared by");
        return root;
    }


    private async Task<string> SubmitFormAsync(LocalView view, string subject)
    {
        var body = LocalRequests.ViewSubmission(view.User, view.Id, "incident.form", (string?)view.View["private_metadata"],
            new Dictionary<string, (string, string?)> { ["subject"] = ("plain_text_input", subject) });
        var response = await _client.PostAsync("/slack/interactions", body, LocalRequests.FormType);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<string> SubmitAsync(LocalView view, string title, string severity, string? description)
    {
        var body = LocalRequests.ViewSubmission(view.User, view.Id, "incident.declare", (string?)view.View["private_metadata"],
            new Dictionary<string, (string, string?)>
            {
                ["title"] = ("plain_text_input", title),
                ["severity"] = ("static_select", severity),
                ["description"] = ("plain_text_input", description),
            });
        var response = await _client.PostAsync("/slack/interactions", body, LocalRequests.FormType);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
