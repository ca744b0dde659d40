using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using ChatOps.Slack.Wire;
using Microsoft.Extensions.Logging;

namespace ChatOps.Slack.SocketMode;

/// <summary>Reads whole messages off a Socket Mode socket, however many frames each came in, and parses them.</summary>
internal sealed partial class SocketModeFrameReader(WebSocket socket, string name, ILogger logger)
{
    // Far above any payload Slack sends; a peer sending more is broken, and the buffer must not grow without end.
    private const int MaxMessageBytes = 4 * 1024 * 1024;

    private readonly ArrayBufferWriter<byte> _received = new();

    /// <summary>The next frame that parses; null when the peer closes. A message that is not JSON is logged and skipped.</summary>
    public async Task<SocketModeFrame?> NextAsync(CancellationToken cancellationToken)
    {
        while (await ReceiveMessageAsync(cancellationToken) is { } message)
        {
            try
            {
                if (JsonSerializer.Deserialize(message.Span, SlackJsonContext.Default.SocketModeFrame) is { } frame) return frame;
            }
            catch (JsonException e)
            {
                LogUnreadable(e, name);
            }
        }
        return null;
    }

    private async Task<ReadOnlyMemory<byte>?> ReceiveMessageAsync(CancellationToken cancellationToken)
    {
        _received.ResetWrittenCount();
        while (true)
        {
            var result = await socket.ReceiveAsync(_received.GetMemory(16 * 1024), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close) return null;
            _received.Advance(result.Count);
            if (_received.WrittenCount > MaxMessageBytes) throw new SocketModeException($"a message over {MaxMessageBytes} bytes");
            if (result.EndOfMessage) return _received.WrittenMemory;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Socket Mode connection {Name}: a message that is not Socket Mode JSON was skipped")]
    private partial void LogUnreadable(Exception exception, string name);
}
