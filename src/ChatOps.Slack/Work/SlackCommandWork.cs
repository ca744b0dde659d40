using System.Text.Json;
using ChatOps.Core.Commands;
using ChatOps.Core.Work;
using ChatOps.Slack.Wire;

namespace ChatOps.Slack.Work;

/// <summary>
/// A command to run after the acknowledgement: its text, who sent it and from where. A declaration from the modal
/// carries its description, recorded as the first note.
/// </summary>
internal sealed record SlackCommandWork(string Text, string User, string? UserName, string Channel, string? Thread, string? Description = null)
{
    public const string Kind = "slack.command";

    /// <summary>Work of one channel runs in order, so its posts keep the order the commands came in.</summary>
    public static WorkItem Item(string text, CommandContext context, string? description = null) =>
        new(Kind,
            JsonSerializer.Serialize(
                new SlackCommandWork(text, context.Actor.Id, context.Actor.Name, context.Place.Channel, context.Place.Thread, description),
                SlackJsonContext.Default.SlackCommandWork),
            $"slack:{context.Place.Channel}");
}
