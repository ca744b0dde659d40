using System.Text.Json.Nodes;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;
using ChatOps.TestKit;
using ChatOps.Teams.Cards;

namespace ChatOps.Teams.Tests;

/// <summary>
/// The cards the renderer writes keep the Adaptive Cards 1.5 rules Teams applies, and the check of those rules (which
/// the host tests run on every card the bot sends) finds what breaks them.
/// </summary>
public sealed class CardRulesTests
{
    [Theory]
    [InlineData("all-blocks")]
    [InlineData("help")]
    [InlineData("incident-card")]
    public void The_pinned_cards_keep_the_rules(string golden)
    {
        var activity = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "ChatOps.Teams.Tests", "Golden", golden + ".json")));
        Assert.Empty(AdaptiveCardRules.CheckActivity(activity));
    }

    [Fact]
    public void The_declare_form_and_a_cut_card_keep_the_rules()
    {
        Assert.Empty(AdaptiveCardRules.CheckActivity(DeclareCard.Activity(Severity.Sev2)));
        var rows = Enumerable.Range(1, 500).Select(i => (IReadOnlyList<string>)[$"check-{i}", new string('v', 300), "ok"]).ToList();
        Assert.Empty(AdaptiveCardRules.CheckActivity(AdaptiveCardRenderer.Activity(new ChatMessage("t", [new TableBlock(["a", "b", "c"], rows)]))));
    }

    [Fact]
    public void An_element_or_action_that_1_5_does_not_have_is_found()
    {
        var card = Card("""[{ "type": "Carousel", "pages": [] }, { "type": "ActionSet", "actions": [{ "type": "Action.Popover", "title": "x" }] }]""");
        var problems = AdaptiveCardRules.Check(card);
        Assert.Contains("$.body[0]: 'Carousel' is not an element of Adaptive Cards 1.5", problems);
        Assert.Contains("$.body[1].actions[0]: 'Action.Popover' is not an action of Adaptive Cards 1.5 here", problems);
    }

    [Fact]
    public void A_missing_required_property_an_unknown_one_and_a_value_out_of_range_are_found()
    {
        var card = Card("""[{ "type": "TextBlock", "wrap": true, "colour": "red" }, { "type": "FactSet", "facts": [{ "title": "a" }] }, { "type": "TextBlock", "text": "x", "size": "huge" }, { "type": "Input.Text" }]""");
        Assert.Equal(
        [
            "$.body[0].colour: not a property of TextBlock in 1.5",
            "$.body[0].text: required",
            "$.body[1].facts[0].value: required",
            "$.body[2].size: 'huge' is not one of default, small, medium, large, extraLarge",
            "$.body[3].id: required",
        ], AdaptiveCardRules.Check(card));
    }

    [Fact]
    public void A_newer_version_an_inline_card_action_in_the_wrong_place_and_a_reused_input_id_are_found()
    {
        var card = Card("""
            [{ "type": "Input.Text", "id": "a" },
             { "type": "Container", "items": [{ "type": "Input.Text", "id": "a" }], "selectAction": { "type": "Action.ShowCard", "card": { "type": "AdaptiveCard" } } }]
            """, version: "1.6");
        var problems = AdaptiveCardRules.Check(card);
        Assert.Contains("$.version: must be 1.5 or lower (Teams renders bot cards up to 1.5), was '1.6'", problems);
        Assert.Contains("$.body[1].items[0].id: input id 'a' is used twice", problems);
        Assert.Contains("$.body[1].selectAction: 'Action.ShowCard' is not an action of Adaptive Cards 1.5 here", problems);
    }

    [Fact]
    public void A_mention_entity_that_matches_no_text_and_a_card_over_the_budget_are_found()
    {
        var card = Card($$"""[{ "type": "TextBlock", "text": "{{new string('x', AdaptiveCardRules.CardBudget)}}" }]""");
        card["msteams"] = JsonNode.Parse("""{ "entities": [{ "type": "mention", "text": "<at>Bob</at>", "mentioned": { "id": "aad-bob", "name": "Bob" } }] }""");
        var problems = AdaptiveCardRules.Check(card);
        Assert.Contains("$.msteams.entities[0].text: matches no text of the card, so Teams ignores the mention", problems);
        Assert.Contains("$: over the 28 KB card budget", problems);
    }

    [Fact]
    public void A_message_without_a_card_is_found()
    {
        Assert.Equal(["$.attachments: no Adaptive Card"], AdaptiveCardRules.CheckActivity(JsonNode.Parse("""{ "type": "message", "text": "hi" }""")));
    }

    private static JsonObject Card(string body, string version = "1.5") =>
        JsonNode.Parse($$"""{ "type": "AdaptiveCard", "version": "{{version}}", "body": {{body}} }""")!.AsObject();
}
