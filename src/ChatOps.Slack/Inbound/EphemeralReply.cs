using System.Text.Json;
using ChatOps.Core.Chat;
using ChatOps.Core.Commands;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;
using ChatOps.Core.Safety;
using ChatOps.Slack.BlockKit;
using ChatOps.Slack.Wire;

namespace ChatOps.Slack.Inbound;

/// <summary>
/// A command's answer to its sender alone, sent as the body of the slash command's acknowledgement. It leaves for
/// chat without passing <see cref="Core.Chat.ChatDelivery"/>, so it is redacted here: a status or timeline shows
/// what people wrote, which the timeline keeps as written.
/// </summary>
internal static class EphemeralReply
{
    public static SlackAck From(CommandResult result)
    {
        var messages = result.Messages.Where(m => m.Audience == Audience.Requester)
            .Select(m => BlockKitRenderer.Render(MessageRedaction.Apply(m.Message))).ToList();
        var blocks = messages.SelectMany(m => m.Blocks).Take(BlockLimits.Blocks).ToList();
        var text = messages.Count == 0 ? "Done." : messages[0].Text;
        // Serialised at once rather than streamed: a reply is a few KB.
        return new SlackAck(200, JsonSerializer.SerializeToUtf8Bytes(new SlashCommandResponse(text, blocks), SlackJsonContext.Default.SlashCommandResponse));
    }

    public static SlackAck Text(string text) => From(CommandResult.ToRequester(ChatMessage.Plain(text)));
}
