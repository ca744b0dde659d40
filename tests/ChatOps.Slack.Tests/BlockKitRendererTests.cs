using ChatOps.Core.Access;
using ChatOps.Core.Chat;
using ChatOps.Core.Checks;
using ChatOps.Core.Commands;
using ChatOps.Core.Commands.Handlers;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;
using ChatOps.LocalWorkspace;
using ChatOps.Slack.BlockKit;
using ChatOps.Slack.Wire;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static ChatOps.TestKit.TestPeople;

namespace ChatOps.Slack.Tests;

public sealed class BlockKitRendererTests
{
    private static readonly DateTimeOffset Declared = new(2026, 3, 14, 9, 26, 0, TimeSpan.Zero);

    [Fact]
    public void The_incident_card_renders_as_pinned()
    {
        var time = new FakeTimeProvider(Declared.AddMinutes(42));
        var card = new IncidentCard(new IncidentClock(time, Options.Create(new IncidentOptions())), new Managers()).Render(new Incident
        {
            Id = new IncidentId(2026, 42),
            Title = "GPU saturation on vllm-pool",
            Severity = Severity.Sev2,
            Place = new ChatPlace("slack", "C0INCIDENTS", "1773480360.000100"),
            DeclaredBy = P("U0ALICE001"),
            DeclaredAt = Declared,
            Commander = P("U0BOB00001"),
        }, ["high-latency", "high-error-rate"]);
        var rendered = BlockKitRenderer.Render(card);
        Golden.Match("incident-card", rendered.Blocks, rendered.Text);
    }

    [Fact]
    public void A_card_awaiting_a_managers_confirmation_mentions_the_slack_managers_as_pinned()
    {
        var time = new FakeTimeProvider(Declared.AddMinutes(5));
        var card = new IncidentCard(new IncidentClock(time, Options.Create(new IncidentOptions())), new Managers("slack:U0CAROL001", "teams:aad-1")).Render(new Incident
        {
            Id = new IncidentId(2026, 43),
            Title = "Error rate above 5%",
            Severity = Severity.Sev1,
            SeverityAwaitsConfirmation = true,
            Place = new ChatPlace("slack", "C0INCIDENTS", "1773480360.000200"),
            DeclaredBy = P("U0ALICE001"),
            DeclaredAt = Declared,
        }, ["high-error-rate"]);
        var rendered = BlockKitRenderer.Render(card);
        Golden.Match("incident-card-awaiting", rendered.Blocks, rendered.Text);
        Assert.Contains(MrkdwnTexts(rendered.Blocks), t => t.Contains("awaits a manager's confirmation (<@U0CAROL001>)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_help_table_renders_as_pinned()
    {
        var result = await new ShowHelp().HandleAsync(new HelpCommand(null), new CommandContext(new Core.Access.Actor(P("U1")), new ChatPlace("slack", "C1")), CancellationToken.None);
        var rendered = BlockKitRenderer.Render(result.Messages[0].Message);
        Golden.Match("help", rendered.Blocks, rendered.Text);
    }

    [Fact]
    public void Injected_markup_renders_as_pinned_and_pings_nobody()
    {
        const string evil = "<!channel> <!here> <!subteam^S1|@oncall> <https://evil.example|dashboard> <#C1> & *bold* ```";
        var message = new ChatMessage(evil, [
            new HeaderBlock(evil),
            new TextBlock($"Note by <@slack:U0ALICE001>: {evil}"),
            new TextBlock(evil, TextStyle.Code),
            new TextBlock(evil, TextStyle.Quote),
            new FieldsBlock([new Field(evil, evil)]),
            new TableBlock(["Who", "What"], [["<@slack:U0BOB00001>", evil]]),
            new ContextBlock(evil),
            new ActionsBlock([new Button(evil, ButtonActions.Command, "note x", ButtonStyle.Danger)]),
        ]);
        var rendered = BlockKitRenderer.Render(message);
        Golden.Match("injection", rendered.Blocks, rendered.Text);
        Assert.All(MrkdwnTexts(rendered.Blocks).Append(rendered.Text), text =>
        {
            Assert.DoesNotContain("<!", text, StringComparison.Ordinal);
            Assert.DoesNotContain("<http", text, StringComparison.Ordinal);
            Assert.DoesNotContain("<#", text, StringComparison.Ordinal);
        });
        Assert.Contains(MrkdwnTexts(rendered.Blocks), t => t.Contains("<@U0ALICE001>", StringComparison.Ordinal));
    }

    [Fact]
    public void More_than_fifty_blocks_keep_forty_nine_and_say_how_many_were_cut()
    {
        var rendered = BlockKitRenderer.Render(new ChatMessage("many", [.. Enumerable.Range(0, 60).Select(i => new TextBlock($"line {i}"))]));
        Assert.Equal(50, rendered.Blocks.Count);
        var note = Assert.IsType<SlackContextBlock>(rendered.Blocks[^1]);
        Assert.Contains("cut 11 blocks", note.Elements[0].Text, StringComparison.Ordinal);
        Assert.Null(LocalBlockRules.Check(Json(rendered.Blocks)));
    }

    [Fact]
    public void A_long_text_spreads_over_sections_at_line_ends_and_says_what_it_cut()
    {
        var lines = string.Join('\n', Enumerable.Range(0, 1200).Select(i => $"log line {i:D4} & more"));
        var sections = BlockKitRenderer.Render(new ChatMessage("log", [new TextBlock(lines, TextStyle.Code)])).Blocks.Cast<SlackSectionBlock>().ToList();
        Assert.Equal(BlockLimits.SectionsPerText, sections.Count);
        Assert.All(sections, s => Assert.InRange(s.Text!.Text.Length, 1, BlockLimits.SectionText));
        Assert.All(sections.SkipLast(1), s => Assert.EndsWith("more\n```", s.Text!.Text, StringComparison.Ordinal));
        Assert.Matches(@"… \(cut \d+ characters to fit Slack's limits\)$", sections[^1].Text!.Text);
    }

    [Fact]
    public void Fields_buttons_labels_and_headers_stay_within_their_limits()
    {
        var rendered = BlockKitRenderer.Render(new ChatMessage("limits", [
            new HeaderBlock(new string('h', 200)),
            new FieldsBlock([.. Enumerable.Range(0, 15).Select(i => new Field($"f{i}", new string('v', i == 0 ? 5000 : 10)))]),
            new ActionsBlock([.. Enumerable.Range(0, 30).Select(i => new Button(new string('b', 100), ButtonActions.Command, $"status {i}"))]),
        ]));
        var header = Assert.IsType<SlackHeaderBlock>(rendered.Blocks[0]);
        Assert.Equal(BlockLimits.HeaderText, header.Text.Text.Length);
        Assert.EndsWith("…", header.Text.Text, StringComparison.Ordinal);
        var fields = rendered.Blocks.OfType<SlackSectionBlock>().Select(s => s.Fields!.Count).ToList();
        Assert.Equal([10, 5], fields);
        Assert.Contains("cut", rendered.Blocks.OfType<SlackSectionBlock>().First().Fields![0].Text, StringComparison.Ordinal);
        var actions = rendered.Blocks.OfType<SlackActionsBlock>().ToList();
        Assert.Equal([25, 5], actions.Select(a => a.Elements.Count));
        Assert.All(actions.SelectMany(a => a.Elements), b => Assert.Equal(BlockLimits.ButtonLabel, b.Text.Text.Length));
        Assert.All(actions, a => Assert.Equal(a.Elements.Count, a.Elements.Select(e => e.ActionId).Distinct().Count()));
        Assert.Equal(ButtonActions.Command, BlockKitRenderer.CoreActionId(actions[1].Elements[4].ActionId));
        Assert.Null(LocalBlockRules.Check(Json(rendered.Blocks)));
    }

    [Fact]
    public void A_danger_button_always_asks_for_confirmation()
    {
        var rendered = BlockKitRenderer.Render(new ChatMessage("x", [new ActionsBlock([new Button("Roll back", ButtonActions.Command, "resolve", ButtonStyle.Danger)])]));
        var button = Assert.Single(Assert.IsType<SlackActionsBlock>(rendered.Blocks[0]).Elements);
        Assert.Equal("danger", button.Style);
        Assert.NotNull(button.Confirm);
        Assert.Equal("danger", button.Confirm.Style);
    }

    [Fact]
    public void An_attachment_becomes_a_file_and_a_note_where_it_was()
    {
        var rendered = BlockKitRenderer.Render(new ChatMessage("pm", [new TextBlock("Postmortem"), new AttachmentBlock("INC-1.md", "Incident Report", "# Report")]));
        Assert.Equal("INC-1.md", Assert.Single(rendered.Files).FileName);
        Assert.Contains("INC-1.md is attached below", Assert.IsType<SlackContextBlock>(rendered.Blocks[1]).Elements[0].Text, StringComparison.Ordinal);
    }

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

    internal static IEnumerable<string> MrkdwnTexts(IReadOnlyList<SlackBlock> blocks) => blocks.SelectMany(b => b switch
    {
        SlackSectionBlock s => (s.Fields ?? []).Prepend(s.Text).OfType<SlackText>(),
        SlackContextBlock c => c.Elements,
        _ => [],
    }).Where(t => t.Type == "mrkdwn").Select(t => t.Text);

    internal static System.Text.Json.Nodes.JsonNode? Json(IReadOnlyList<SlackBlock> blocks) =>
        System.Text.Json.Nodes.JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(blocks, SlackJsonContext.Default.IReadOnlyListSlackBlock));
}
