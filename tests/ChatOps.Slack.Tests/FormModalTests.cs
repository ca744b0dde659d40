using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOps.Core.Commands;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;
using ChatOps.Core.Work;
using ChatOps.Slack.BlockKit;
using ChatOps.Slack.Inbound;
using ChatOps.LocalWorkspace;
using ChatOps.Slack.Wire;
using ChatOps.TestKit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Slack.Tests;

/// <summary>A core form as a Slack modal: carried by its button, opened on the click, submitted through the inbound pipeline.</summary>
public sealed class FormModalTests
{
    private const string Alice = "U0ALICE001";

    private static FormRequest Form(string command, params string[] choices) =>
        new("Block suspicious users and bots", "Request", command, [new FormField("subject", "User id or IP address", choices, "Pick one the checks found, or type another.")])
        {
            Text = "Block a user or IP for 24h. Nothing changes until the request is approved.",
        };

    private static SlackButton Rendered(FormRequest form) =>
        ((SlackActionsBlock)BlockKitRenderer.Render(new ChatMessage("x", [new ActionsBlock([new Button("Request: Block", ButtonActions.Form, form.Command, Form: form)])])).Blocks.Single())
            .Elements.Single();

    [Fact]
    public void The_button_carries_its_form_and_the_modal_offers_the_choices_and_a_field_to_type_in()
    {
        var button = Rendered(Form("mitigate INC-2026-0001 cost-spike/block-suspicious-users", "mallory", "203.0.113.7"));

        Assert.Equal("incident.form#0", button.ActionId);
        var view = FormModal.View(FormValue.Decode(button.Value)!, new ChatPlace("slack", "C1", "1.000100"));

        Assert.Equal(FormModal.CallbackId, view.CallbackId);
        Assert.Equal("Block suspicious users …", view.Title.Text); // Slack allows 24 characters
        var select = Assert.IsType<SlackStaticSelect>(view.Blocks.OfType<SlackInputBlock>().Single(b => b.BlockId == "subject.choice").Element);
        Assert.Equal(["mallory", "203.0.113.7"], select.Options.Select(o => o.Value));
        Assert.Null(select.InitialOption);
        var typed = view.Blocks.OfType<SlackInputBlock>().Single(b => b.BlockId == "subject");
        Assert.Equal((true, "Pick one the checks found, or type another."), (typed.Optional, typed.Hint?.Text));
        var metadata = JsonSerializer.Deserialize(view.PrivateMetadata!, SlackJsonContext.Default.FormModalMetadata)!;
        Assert.Equal(("mitigate INC-2026-0001 cost-spike/block-suspicious-users", "C1", "1.000100"), (metadata.Command, metadata.Channel, metadata.Thread));
    }

    [Fact]
    public void Without_choices_the_typed_field_is_required_and_a_long_list_is_cut_to_fit_the_button()
    {
        var view = FormModal.View(FormValue.Decode(Rendered(Form("mitigate INC-2026-0001 x/block")).Value)!, new ChatPlace("slack", "C1"));
        Assert.Null(Assert.Single(view.Blocks.OfType<SlackInputBlock>()).Optional);

        var many = Enumerable.Range(0, 25).Select(i => $"user-{i:D2}-{new string('x', 100)}").ToArray();
        var button = Rendered(Form("mitigate INC-2026-0001 x/block", many));
        var carried = FormValue.Decode(button.Value)!;
        Assert.True(button.Value.Length <= 2000);
        Assert.Equal(many.Take(carried.Fields[0].Choices.Count), carried.Fields[0].Choices);
        Assert.InRange(carried.Fields[0].Choices.Count, 10, 24);
    }

    [Fact]
    public async Task A_submission_runs_the_completed_command_and_the_core_s_refusal_is_shown_in_the_modal()
    {
        await using var chat = new Conversation(managers: [$"slack:{Alice}"], configure: services =>
        {
            services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["SLACK_SIGNING_SECRET"] = "s" }).Build());
            services.AddSlack();
        });
        var incident = await chat.DeclareAsync("U-BOB", "sev3 spend spike");
        var form = FormValue.Decode(Rendered(Form($"mitigate {incident.Id} cost-spike/block-suspicious-users", "mallory", "eve")).Value)!;
        var view = FormModal.View(form, new ChatPlace("slack", "C1", "1.000100"));
        var endpoint = chat.Get<InteractionEndpoint>();

        var refused = await endpoint.AcceptAsync(Submission(view, ("subject.choice", "static_select", "eve"), ("subject", "plain_text_input", "eve*")), CancellationToken.None);
        Assert.Contains("'eve*' is neither an IP address nor a user id", (string?)JsonNode.Parse(refused.Json!)!["errors"]!["subject"], StringComparison.Ordinal);
        var empty = await endpoint.AcceptAsync(Submission(view, ("subject.choice", "static_select", ""), ("subject", "plain_text_input", "")), CancellationToken.None);
        Assert.Equal("Choose one, or type one.", (string?)JsonNode.Parse(empty.Json!)!["errors"]!["subject"]);

        var accepted = await endpoint.AcceptAsync(Submission(view, ("subject.choice", "static_select", "eve"), ("subject", "plain_text_input", " ")), CancellationToken.None);

        Assert.Null(accepted.Json);
        var queued = JsonNode.Parse((await chat.Get<IWorkQueue>().TakeAsync("test", TimeSpan.FromMinutes(1), CancellationToken.None))!.Item.Payload)!;
        Assert.Equal($"mitigate {incident.Id} cost-spike/block-suspicious-users eve", (string?)queued["Text"]);
        Assert.Equal("1.000100", (string?)queued["Place"]!["Thread"]);
    }

    private static InteractionPayload Submission(SlackView view, params (string Block, string Type, string? Value)[] values) =>
        JsonSerializer.Deserialize(SlackForm.Parse(LocalRequests.ViewSubmission(Alice, "V1", view.CallbackId, view.PrivateMetadata,
            values.ToDictionary(v => v.Block, v => (v.Type, v.Value))))["payload"], SlackJsonContext.Default.InteractionPayload)!;
}
