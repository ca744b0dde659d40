using System.Text;
using System.Text.Json.Nodes;
using ChatOps.Core.Access;
using ChatOps.Core.Commands;
using ChatOps.Core.Commands.Handlers;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;
using ChatOps.Teams.Cards;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Teams.Tests;

public sealed class AdaptiveCardRendererTests
{
    private static readonly DateTimeOffset Declared = new(2026, 3, 14, 9, 26, 0, TimeSpan.Zero);
    private static readonly PersonId Alice = new(TeamsPlatform.Name, "aad-alice-0001");
    private static readonly PersonId Bob = new(TeamsPlatform.Name, "aad-bob-0002");

    [Fact]
    public void The_incident_card_renders_as_pinned()
    {
        var time = new FakeTimeProvider(Declared.AddMinutes(42));
        var card = new IncidentCard(new IncidentClock(time, Options.Create(new IncidentOptions())), new Managers("teams:aad-carol-0003")).Render(new Incident
        {
            Id = new IncidentId(2026, 42),
            Title = "GPU saturation on vllm-pool",
            Severity = Severity.Sev2,
            SeverityAwaitsConfirmation = true,
            Place = new ChatPlace(TeamsPlatform.Name, "19:incidents@thread.tacv2", "1773480360001"),
            DeclaredBy = Alice,
            DeclaredAt = Declared,
            Commander = Bob,
        }, ["high-latency", "high-error-rate"]);
        Golden.Match("incident-card", AdaptiveCardRenderer.Activity(card));
    }

    [Fact]
    public async Task The_help_table_renders_as_pinned()
    {
        var result = await new ShowHelp().HandleAsync(new HelpCommand(null), new CommandContext(new Actor(Alice), new ChatPlace(TeamsPlatform.Name, "19:c@thread.tacv2")), CancellationToken.None);
        Golden.Match("help", AdaptiveCardRenderer.Activity(result.Messages[0].Message));
    }

    [Fact]
    public void Every_block_kind_renders_as_pinned()
    {
        var message = new ChatMessage("Check results for INC-2026-0042", [
            new HeaderBlock("Checks"),
            new TextBlock($"Requested by {Mention.Of(Alice, "Alice Example")} and {Mention.Of(new PersonId("slack", "U0SLACK01"), "Sam Slack")}"),
            new TextBlock("p99 = 4.2s\nqueue = 118", TextStyle.Code),
            new TextBlock("GPU utilization > 90%", TextStyle.Quote),
            new DividerBlock(),
            new FieldsBlock([new Field("Status", "Investigating"), new Field("Commander", Mention.Of(Bob, "Bob Example"))]),
            new TableBlock(["Check", "Result"], [["gpu_util", "98% critical"], ["queue_depth", "ok"]]),
            new ContextBlock("ran in 1.2 s"),
            new ActionsBlock([
                new Button("Scale +2", ButtonActions.Command, "mitigate INC-2026-0042 scale", ButtonStyle.Primary),
                new Button("Roll back", ButtonActions.Command, "mitigate INC-2026-0042 rollback", ButtonStyle.Danger, new Confirm("Roll back?", "This restarts every pod.", "Roll back", "Keep")),
                new Button("Block a user", ButtonActions.Form, "mitigate INC-2026-0042 block", Form: new FormRequest("Block a user", "Block", "mitigate INC-2026-0042 block",
                    [new FormField("user", "User", ["user-1", "user-2"], "the heaviest first")]) { Text = "Who sends the traffic?" }),
            ]),
            new AttachmentBlock("postmortem.md", "Postmortem", "# Incident Report\n- item"),
        ]);
        Golden.Match("all-blocks", AdaptiveCardRenderer.Activity(message));
    }

    [Fact]
    public void User_markup_stays_literal()
    {
        const string evil = "**bold** [link](https://evil.example) <at>fake</at> `code` _it_ \\ & # head";
        var message = new ChatMessage(evil, [new HeaderBlock(evil), new TextBlock(evil), new TextBlock("# heading\n- item\n1. first\n> quote"), new FieldsBlock([new Field(evil, evil)])]);
        var activity = AdaptiveCardRenderer.Activity(message);
        var texts = Texts(activity).ToList();
        Assert.All(texts, t =>
        {
            Assert.DoesNotContain("**bold**", t, StringComparison.Ordinal);
            Assert.DoesNotContain("[link](", t, StringComparison.Ordinal);
            Assert.DoesNotContain("<at>fake</at>", t, StringComparison.Ordinal);
        });
        Assert.Contains(@"\*\*bold\*\* \[link\]\(https://evil.example\) \<at\>fake\</at\> \`code\` \_it\_ \\ \& \# head", texts);
        Assert.Contains("\\# heading\n\\- item\n1\\. first\n\\> quote", texts);
        Assert.Null(Card(activity)["msteams"]!["entities"]);
        // The summary is plain notification text, not Markdown: it reads as written.
        Assert.Equal(evil, (string?)activity["summary"]);
    }

    [Fact]
    public void A_teams_mention_becomes_an_at_tag_with_its_entity_and_others_read_by_name()
    {
        var message = new ChatMessage("hi", [new TextBlock($"{Mention.Of(Alice, "Alice Example")} and {Mention.Of(new PersonId("slack", "U0SLACK01"), "Sam_Slack")}")]);
        var activity = AdaptiveCardRenderer.Activity(message);
        Assert.Equal(@"<at>Alice Example</at> and @Sam\_Slack", Assert.Single(Texts(activity)));
        var entity = Assert.Single(Card(activity)["msteams"]!["entities"]!.AsArray())!;
        Assert.Equal("mention", (string?)entity["type"]);
        Assert.Equal("<at>Alice Example</at>", (string?)entity["text"]);
        Assert.Equal("aad-alice-0001", (string?)entity["mentioned"]!["id"]);
        Assert.Equal("Alice Example", (string?)entity["mentioned"]!["name"]);
    }

    [Fact]
    public void A_button_carries_the_agreed_data_on_execute_and_on_its_submit_fallback()
    {
        var activity = AdaptiveCardRenderer.Activity(new ChatMessage("q", [new ActionsBlock([new Button("Yes", ButtonActions.Decision, "INC-2026-0042 r n yes")])]));
        var action = Card(activity)["body"]![0]!["actions"]![0]!;
        Assert.Equal("Action.Execute", (string?)action["type"]);
        Assert.Equal("chatops", (string?)action["verb"]);
        Assert.Equal(ButtonActions.Decision, (string?)action["data"]!["actionId"]);
        Assert.Equal("INC-2026-0042 r n yes", (string?)action["data"]!["value"]);
        Assert.Equal("Action.Submit", (string?)action["fallback"]!["type"]);
        Assert.True(JsonNode.DeepEquals(action["data"], action["fallback"]!["data"]));
    }

    [Fact]
    public void A_long_table_is_cut_with_a_note_and_the_activity_stays_under_the_limit()
    {
        var rows = Enumerable.Range(1, 500).Select(i => (IReadOnlyList<string>)[$"check-{i}", $"value {i} of a fairly long result line", "ok"]).ToList();
        var message = new ChatMessage("table", [new HeaderBlock("Results"), new TableBlock(["Check", "Value", "Grade"], rows), new ContextBlock("the end")]);
        var activity = AdaptiveCardRenderer.Activity(message);
        var size = Encoding.UTF8.GetByteCount(activity.ToJsonString());
        Assert.InRange(size, CardLimits.ActivityBytes / 2, CardLimits.ActivityBytes);
        var body = Card(activity)["body"]!.AsArray();
        var note = (string?)body[^1]!["text"];
        Assert.Matches(@"^… \\\(cut \d+ card elements to fit Teams' limits\\\)$", note);
        Assert.Equal("Results", (string?)body[0]!["text"]);
    }

    [Fact]
    public void A_huge_text_is_cut_inside_its_block()
    {
        var activity = AdaptiveCardRenderer.Activity(ChatMessage.Plain(new string('x', 50_000)));
        var text = Assert.Single(Texts(activity));
        Assert.EndsWith("… \\(cut 42000 characters to fit Teams' limits\\)", text, StringComparison.Ordinal);
        Assert.True(Encoding.UTF8.GetByteCount(activity.ToJsonString()) <= CardLimits.ActivityBytes);
    }

    private static JsonNode Card(JsonObject activity) => activity["attachments"]![0]!["content"]!;

    private static IEnumerable<string> Texts(JsonObject activity) => Walk(Card(activity)["body"]!)
        .SelectMany(n => new[] { n["text"], n["title"], n["value"] })
        .Select(v => v is JsonValue value && value.TryGetValue<string>(out var s) ? s : null)
        .OfType<string>()
        .Where(s => s.Length > 0);

    private static IEnumerable<JsonObject> Walk(JsonNode node) => node switch
    {
        JsonObject o => o.Where(p => p.Key != "actions").SelectMany(p => p.Value is null ? [] : Walk(p.Value)).Prepend(o),
        JsonArray a => a.SelectMany(n => n is null ? [] : Walk(n)),
        _ => [],
    };

    private sealed class Managers(params string[] people) : IOptionsMonitor<RoleOptions>
    {
        public RoleOptions CurrentValue { get; } = With(people);

        public RoleOptions Get(string? name) => CurrentValue;

        public IDisposable? OnChange(Action<RoleOptions, string?> listener) => null;

        private static RoleOptions With(string[] people)
        {
            var options = new RoleOptions();
            foreach (var person in people) options.Managers.Add(person);
            return options;
        }
    }
}
