using System.Text.Json.Serialization;

namespace ChatOps.Slack.Wire;

/// <summary>An element of an input block in a modal.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(SlackPlainTextInput), "plain_text_input")]
[JsonDerivedType(typeof(SlackStaticSelect), "static_select")]
internal abstract record SlackInputElement(string ActionId);

internal sealed record SlackPlainTextInput(string ActionId, bool Multiline = false, int? MaxLength = null, SlackText? Placeholder = null)
    : SlackInputElement(ActionId);

internal sealed record SlackStaticSelect(string ActionId, IReadOnlyList<SlackOption> Options, SlackOption? InitialOption = null, SlackText? Placeholder = null)
    : SlackInputElement(ActionId);

internal sealed record SlackOption(SlackText Text, string Value);
