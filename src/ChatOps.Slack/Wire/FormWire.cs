namespace ChatOps.Slack.Wire;

// A core form on its way through Slack: out in a button's value (a click brings back the value and nothing else of the
// button), then in the modal's private_metadata (a submission brings back the state and the metadata).

/// <summary>A form button's value: the form to open when it is clicked.</summary>
internal sealed record FormButtonValue(string Command, string Title, string Submit, string? Text, IReadOnlyList<FormButtonField> Fields);

internal sealed record FormButtonField(string Id, string Label, IReadOnlyList<string> Choices, string? Hint);

/// <summary>What the form modal remembers: the command its answers complete, the fields in order, and where it was opened.</summary>
internal sealed record FormModalMetadata(string Command, IReadOnlyList<string> Fields, string Channel, string? Thread);
