using ChatOps.Core.Chat;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;
using ChatOps.TestKit;

namespace ChatOps.Core.Tests.Postmortem;

public sealed class PostmortemTests
{
    private const string Alice = "U-ALICE";
    private const string Manager = "U-MANAGER";

    private static string GoldenPath => Path.Combine(RepoPaths.Root, "tests", "ChatOps.Core.Tests", "Postmortem", "Golden", "realistic-incident.md");

    [Fact]
    public async Task A_realistic_incident_renders_as_the_golden_file()
    {
        var document = await RenderRealisticIncidentAsync();
        // Set UPDATE_GOLDEN=1 to rewrite the file after an intended change, then review the diff.
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1") await File.WriteAllTextAsync(GoldenPath, document);
        Assert.Equal(await File.ReadAllTextAsync(GoldenPath), document);
    }

    [Fact]
    public async Task The_seed_sections_appear_in_the_seed_order()
    {
        var document = await RenderRealisticIncidentAsync();
        string[] sections = ["# Incident Report: ", "## Summary", "- **Severity**: SEV2", "- **Duration**: ", "- **Impact**: ", "## Timeline",
            "## Root Cause", "## Resolution", "## Action Items", "## Lessons Learned"];
        var positions = sections.Select(s => document.IndexOf(s, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public async Task Empty_sections_say_so_and_typed_template_code_renders_literally()
    {
        await using var chat = new Conversation(managers: [Manager]);
        var incident = await chat.DeclareAsync(Alice, "Template {{ 1 + 1 }} in the title");
        await chat.SayAsync(Alice, "note look: {{ for x in 1..3 }}{{ x }}{{ end }} and {{ title }}");
        var document = await PostmortemOfAsync(chat, incident.Id.ToString());

        Assert.Contains("# Incident Report: Template {{ 1 + 1 }} in the title", document, StringComparison.Ordinal);
        Assert.Contains("look: {{ for x in 1..3 }}{{ x }}{{ end }} and {{ title }}", document, StringComparison.Ordinal);
        Assert.Contains("- **Impact**: Not recorded.", document, StringComparison.Ordinal);
        Assert.Contains("## Root Cause\nNot identified.", document, StringComparison.Ordinal);
        Assert.Contains("## Resolution\nNot resolved yet.", document, StringComparison.Ordinal);
        Assert.Contains("## Action Items\nNo action items.", document, StringComparison.Ordinal);
        Assert.Contains("## Lessons Learned\nNone recorded.", document, StringComparison.Ordinal);
        Assert.Contains("ongoing (open for", document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_answer_says_who_gave_it_and_the_next_step_it_led_to()
    {
        var prometheus = new ScriptedCheckExecutor("prometheus").Answer("gpu-utilization", 97);
        await using var chat = new Conversation(managers: [Manager],
            executors: [prometheus, new ScriptedCheckExecutor("http"), new ScriptedCheckExecutor("kubernetes-logs")]);
        var incident = await chat.DeclareAsync(Alice, "Slow and wrong answers");
        await chat.SayAsync(Alice, "run high-latency", incident.Place.Thread);
        await chat.SayAsync(Alice, "run quality-regression", incident.Place.Thread);
        await chat.ClickAsync("U-BOB", MessageText.Buttons(chat.Chat.Posts.Last().Message).Single(b => b.Label == "Yes"), incident.Place.Thread);
        await chat.ClickAsync("U-BOB", MessageText.Buttons(chat.Chat.Posts.Last().Message).Single(b => b.Label == "No"), incident.Place.Thread);

        var decisions = (await chat.Store.TimelineAsync(incident.Id, default)).Where(e => e.Kind == TimelineKind.DecisionTaken).ToList();
        Assert.Equal(3, decisions.Count);
        Assert.Equal(("evidence", "gpu-utilization"), (decisions[0].Details["by"], decisions[0].Details["check"]));
        Assert.StartsWith("Scale up inference pool; Enable overflow routing; Enable request shedding (emergency only). Scale up or enable overflow routing.",
            decisions[0].Details["next"], StringComparison.Ordinal);
        Assert.False(decisions[1].Details.ContainsKey("next"));
        Assert.StartsWith("Roll back the prompt version; Increase retrieval K;", decisions[2].Details["next"], StringComparison.Ordinal);

        var document = await PostmortemOfAsync(chat, incident.Id.ToString());
        Assert.Contains("Is GPU utilization &gt; 90%? Yes (from gpu-utilization: value = 97, so 'value &gt; 90' is true); answered by the bot, "
            + "from check gpu-utilization's evidence; recommended next step: Scale up inference pool; Enable overflow routing;", document, StringComparison.Ordinal);
        Assert.Contains(" - Are retrieval results relevant? Yes; answered by @U-BOB\n", document, StringComparison.Ordinal);
        Assert.Contains(" - Are citations being used? No; answered by @U-BOB; recommended next step: Roll back the prompt version; Increase retrieval K;",
            document, StringComparison.Ordinal);
    }

    /// <summary>
    /// A GPU saturation incident worked from an alert to a resolution, late in the evening in Berlin so
    /// that the timeline crosses midnight. The high-latency runbook runs once; its GPU check reads 97%.
    /// </summary>
    private static async Task<string> RenderRealisticIncidentAsync()
    {
        var prometheus = new ScriptedCheckExecutor("prometheus").Answer("gpu-utilization", 97).Answer("queue-depth", 140);
        await using var chat = new Conversation(managers: [Manager], timeZone: "Europe/Berlin",
            executors: [prometheus, new ScriptedCheckExecutor("http"), new ScriptedCheckExecutor("kubernetes-logs")]);
        chat.Time.SetUtcNow(new DateTimeOffset(2026, 11, 28, 22, 41, 0, TimeSpan.Zero));
        var incident = await chat.DeclareAsync(Manager, "sev2 Chat completions slow: vLLM GPU pool saturated");
        var id = incident.Id.ToString();
        await Step(chat, 3, $"lead {id} <@U-BOB>");
        await Step(chat, 2, $"impact {id} p99 latency 14 s for about 30% of chat requests in eu-west");
        await Step(chat, 1, $"run {id} high-latency");
        await Step(chat, 3, $"note {id} GPU utilisation 97% on all 8 pods; queue depth 140 and climbing");
        await Step(chat, 9, $"cause {id} Batch job from the eval team pinned the shared inference pool");
        await Step(chat, 6, $"note {id} Scaled vllm from 4 to 6 replicas; overflow routing at 0.7");
        await Step(chat, 10, $"mitigated {id}");
        await Step(chat, 25, $"action {id} Separate pool for batch evals <@U-CAROL>");
        await Step(chat, 1, $"action {id} Alert on queue depth > 50 for 5 minutes");
        await Step(chat, 1, $"done {id} 2");
        await Step(chat, 1, $"lesson {id} Shared GPU pools need per-tenant quotas");
        await Step(chat, 2, $"resolve {id} Eval batch moved off the shared pool; latency back under 2 s");
        return await PostmortemOfAsync(chat, id);
    }

    private static async Task Step(Conversation chat, int minutes, string command)
    {
        chat.Time.Advance(TimeSpan.FromMinutes(minutes));
        var result = await chat.SayAsync(Manager, command);
        Assert.Null(result.Error);
    }

    private static async Task<string> PostmortemOfAsync(Conversation chat, string id)
    {
        var result = await chat.SayAsync(Alice, $"postmortem {id}");
        Assert.Null(result.Error);
        return result.Messages.Single().Message.Blocks.OfType<AttachmentBlock>().Single().Content;
    }
}
