using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;

namespace ChatOps.TestKit;

/// <summary>The server's end of one Socket Mode socket: what the test sends through it, and the acks it received.</summary>
public sealed class FakeSocketModeConnection : IDisposable
{
    private readonly WebSocket _socket;
    private readonly HttpContext _context;
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly Channel<JsonObject> _acks = Channel.CreateUnbounded<JsonObject>();
    private readonly TaskCompletionSource<WebSocketCloseStatus?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal FakeSocketModeConnection(int number, WebSocket socket, HttpContext context)
    {
        Number = number;
        _socket = socket;
        _context = context;
    }

    /// <summary>1 for the first socket the server accepted, 2 for the next, and so on.</summary>
    public int Number { get; }

    /// <summary>Completes when the socket ends: with the client's close status, or null when the socket dropped.</summary>
    public Task<WebSocketCloseStatus?> Closed => _closed.Task;

    /// <summary>Sends an envelope as Slack does, in <paramref name="frames"/> WebSocket frames.</summary>
    public Task SendEnvelopeAsync(string envelopeId, string type, JsonObject payload, bool acceptsResponsePayload,
        int retryAttempt = 0, string retryReason = "", int frames = 1)
    {
        var envelope = new JsonObject
        {
            ["envelope_id"] = envelopeId,
            ["payload"] = payload,
            ["type"] = type,
            ["accepts_response_payload"] = acceptsResponsePayload,
        };
        // Slack's events_api envelopes carry the retry fields even on a first delivery; the others carry them on a retry.
        if (type == "events_api" || retryAttempt > 0)
        {
            envelope["retry_attempt"] = retryAttempt;
            envelope["retry_reason"] = retryReason;
        }
        return SendAsync(envelope, frames);
    }

    public Task SendDisconnectAsync(string reason) =>
        SendAsync(new JsonObject { ["type"] = "disconnect", ["reason"] = reason, ["debug_info"] = new JsonObject { ["host"] = "applink-fake" } });

    /// <summary>Cuts the TCP connection with no close handshake.</summary>
    public void Drop() => _context.Abort();

    /// <summary>The next message the client sent on this socket (an ack).</summary>
    public async Task<JsonObject> NextAckAsync(CancellationToken cancellationToken) => await _acks.Reader.ReadAsync(cancellationToken);

    /// <summary>The acks received so far and not yet taken by <see cref="NextAckAsync"/>.</summary>
    public IReadOnlyList<JsonObject> PendingAcks()
    {
        var pending = new List<JsonObject>();
        while (_acks.Reader.TryRead(out var ack)) pending.Add(ack);
        return pending;
    }

    public async Task SendAsync(JsonObject message, int frames = 1)
    {
        var bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
        var size = (bytes.Length + frames - 1) / frames;
        await _sending.WaitAsync();
        try
        {
            for (var start = 0; start < bytes.Length; start += size)
            {
                var end = Math.Min(start + size, bytes.Length);
                await _socket.SendAsync(bytes.AsMemory(start, end - start), WebSocketMessageType.Text, end == bytes.Length, CancellationToken.None);
            }
        }
        finally
        {
            _sending.Release();
        }
    }

    internal async Task<WebSocketCloseStatus?> RunAsync()
    {
        WebSocketCloseStatus? status = null;
        var buffer = new byte[64 * 1024];
        var message = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    status = result.CloseStatus;
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                    break;
                }
                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage) continue;
                _acks.Writer.TryWrite(JsonNode.Parse(message.ToArray())!.AsObject());
                message.SetLength(0);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
        {
            status = null;
        }
        _closed.TrySetResult(status);
        return status;
    }

    public void Dispose() => _sending.Dispose();
}
