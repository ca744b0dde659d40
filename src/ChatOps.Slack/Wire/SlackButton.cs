namespace ChatOps.Slack.Wire;

/// <summary>A button element; <see cref="Style"/> is left out for the default look.</summary>
internal sealed record SlackButton(SlackText Text, string ActionId, string Value, string? Style = null, SlackConfirm? Confirm = null, string Type = "button");

internal sealed record SlackConfirm(SlackText Title, SlackText Text, SlackText Confirm, SlackText Deny, string? Style = null);
