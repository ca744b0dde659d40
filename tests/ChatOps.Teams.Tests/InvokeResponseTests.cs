using System.Net;
using System.Text.Json.Nodes;
using ChatOps.Core.Messages;
using ChatOps.Teams.Cards;
using ChatOps.Teams.Outbound;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Teams.Tests;

/// <summary>
/// The answer to an <c>adaptiveCard/action</c> invoke: HTTP 200 with <c>statusCode</c>, <c>type</c> and <c>value</c>, the
/// value being the clicked card with the click taken in it, where the bot knows the card.
/// </summary>
public sealed class InvokeResponseTests : IAsyncLifetime
{
    private const string ClickedMessage = "1759881600000";
    private TeamsTestHost _host = null!;

    private static readonly ChatMessage Request = new("Mitigation request MIT-1", [
        new HeaderBlock("Mitigation request MIT-1"),
        new FieldsBlock([new Field("Status", "awaiting approval")]),
        new ActionsBlock([
            new Button("Approve", ButtonActions.Command, "approve MIT-1", ButtonStyle.Primary),
            new Button("Deny", ButtonActions.Command, "deny MIT-1 not now", ButtonStyle.Danger),
        ]),
        new ContextBlock("Requested by Alice"),
    ]);

    public async Task InitializeAsync() => _host = await TeamsTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_click_is_answered_with_the_clicked_card_whose_buttons_say_who_chose_what()
    {
        await KeepAsync(Request);
        using var response = await _host.PostAsync(Activities.CardAction(), _host.Identity.Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(200, (int?)body["statusCode"]);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)body["type"]);
        var card = body["value"]!.AsObject();
        Assert.Equal(("AdaptiveCard", "1.5"), ((string?)card["type"], (string?)card["version"]));
        var texts = card["body"]!.AsArray().Select(e => (string?)e!["text"]).ToList();
        Assert.Contains("Mitigation request MIT-1", texts);
        Assert.Contains("_Bob Example chose Approve: working on it._", texts);
        Assert.Contains("Requested by Alice", texts);
        Assert.DoesNotContain(card["body"]!.AsArray(), e => (string?)e!["type"] == "ActionSet");
        Assert.Empty(AdaptiveCardRules.Check(card, topLevel: true));
        Assert.Equal("approve MIT-1", Assert.Single(_host.Queue.Envelopes).Text);
    }

    [Fact]
    public async Task A_retried_invoke_gets_the_same_answer_and_runs_once()
    {
        await KeepAsync(Request);
        using var first = await _host.PostAsync(Activities.CardAction(), _host.Identity.Token());
        using var retried = await _host.PostAsync(Activities.CardAction(), _host.Identity.Token());

        Assert.Equal(await first.Content.ReadAsStringAsync(), await retried.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Single(_host.Queue.Envelopes);
    }

    [Fact]
    public async Task A_card_not_known_here_is_answered_with_a_message_saying_the_same()
    {
        using var response = await _host.PostAsync(Activities.CardAction(), _host.Identity.Token());
        Assert.Equal("Bob Example chose Approve: working on it.", await FormTests.MessageAsync(response));
        Assert.Single(_host.Queue.Envelopes);
    }

    [Fact]
    public async Task A_refusal_is_a_message_and_the_card_stays_as_it_is()
    {
        await KeepAsync(Request);
        using var response = await _host.PostAsync(Activities.CardAction(value: "frobnicate MIT-1"), _host.Identity.Token());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // A button's command is queued like a typed one and answered from the background; only form answers are checked now.
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["type"]);

        using var form = await _host.PostAsync(Activities.FormAction(Activities.FormData("mitigate INC-2026-0001 x/y", "")), _host.Identity.Token());
        Assert.Equal("Answer 'subject': choose one, or type one.", await FormTests.MessageAsync(form));
    }

    [Fact]
    public void A_button_that_asks_first_is_replaced_with_the_action_set_that_holds_it()
    {
        var card = Card(new ChatMessage("Resolve?", [
            new TextBlock("Resolve the incident when it is over."),
            new ActionsBlock([new Button("Resolve", ButtonActions.Command, "resolve INC-2026-0042", ButtonStyle.Danger,
                new Confirm("Resolve INC-2026-0042?", "This closes it.", "Resolve it"))]),
        ]));

        var receipt = ClickReceipt.Of(card, ButtonActions.Command, "resolve INC-2026-0042", "Carol");

        Assert.Equal(["Resolve the incident when it is over.", "_Carol chose Resolve: working on it._"],
            receipt["body"]!.AsArray().Select(e => (string?)e!["text"]));
        Assert.Contains(card["body"]!.AsArray(), e => (string?)e!["type"] == "ActionSet");
    }

    [Fact]
    public void A_card_no_longer_holding_the_button_is_answered_as_it_is()
    {
        var card = Card(Request);
        var receipt = ClickReceipt.Of(card, ButtonActions.Command, "mitigated INC-2026-0042", "Carol");
        Assert.Equal(card.ToJsonString(), receipt.ToJsonString());
    }

    [Fact]
    public void A_name_with_markdown_is_shown_as_written()
    {
        var receipt = ClickReceipt.Of(Card(Request), ButtonActions.Command, "approve MIT-1", "*Mallory* [x](y)");
        Assert.Contains(receipt["body"]!.AsArray(), e => (string?)e!["text"] == "_\\*Mallory\\* \\[x\\]\\(y\\) chose Approve: working on it._");
    }

    private Task KeepAsync(ChatMessage message) =>
        _host.Services.GetRequiredService<SentCards>().KeepAsync(Activities.Channel, ClickedMessage, AdaptiveCardRenderer.Activity(message), CancellationToken.None);

    private static JsonObject Card(ChatMessage message) => AdaptiveCardRenderer.Activity(message)["attachments"]![0]!["content"]!.AsObject();
}
