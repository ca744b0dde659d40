namespace ChatOps.Core.Messages;

/// <summary>
/// A form a button opens before its command runs. Each field asks for one word, chosen from what the bot offers or
/// typed, and the answers, in order, complete <see cref="Command"/>. Each platform renders it its own way (a Slack
/// modal, a Teams Adaptive Card form) and sends the completed command through the inbound pipeline, where it is
/// checked exactly as if it had been typed.
/// </summary>
public sealed record FormRequest(string Title, string Submit, string Command, IReadOnlyList<FormField> Fields)
{
    /// <summary>A line above the fields: what the form is for.</summary>
    public string? Text { get; init; }

    /// <summary>The command with the answers appended, as a person would have typed it.</summary>
    public string Complete(params IReadOnlyList<string> answers) => string.Join(' ', [Command, .. answers.Select(a => a.Trim())]);
}

/// <summary>One answer a form asks for: one of <see cref="Choices"/> (what the bot found, best first) or typed.</summary>
public sealed record FormField(string Id, string Label, IReadOnlyList<string> Choices, string? Hint = null);
