using System.Text;
using System.Text.Json;
using ChatOps.Core.Messages;

namespace ChatOps.Core.Chat;

/// <summary>A message's whole content as text, so that two deliveries of the same message are recognised as one.</summary>
internal static class MessageContent
{
    public static string Of(ChatMessage message)
    {
        var text = new StringBuilder(message.Summary);
        // Each block as its own type: the list's declared element type would hide every block's fields.
        foreach (var block in message.Blocks) text.Append('\0').Append(JsonSerializer.Serialize(block, block.GetType()));
        return text.ToString();
    }
}
