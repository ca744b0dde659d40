using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using ChatOps.Slack.SocketMode;

namespace ChatOps.Slack.Tests.SocketMode;

/// <summary>Stands in for the inbound pipeline: keeps every envelope and answers as the test scripts it.</summary>
internal sealed class RecordingEnvelopeHandler : ISocketModeEnvelopeHandler
{
    private readonly Channel<SocketModeEnvelope> _arrivals = Channel.CreateUnbounded<SocketModeEnvelope>();

    /// <summary>What the handler answers; by default no response payload.</summary>
    public Func<SocketModeEnvelope, Task<JsonObject?>> Respond { get; set; } = _ => Task.FromResult<JsonObject?>(null);

    public ConcurrentQueue<SocketModeEnvelope> Received { get; } = new();

    public Task<JsonObject?> HandleAsync(SocketModeEnvelope envelope, CancellationToken cancellationToken)
    {
        Received.Enqueue(envelope);
        _arrivals.Writer.TryWrite(envelope);
        return Respond(envelope);
    }

    /// <summary>The next envelope handed to the handler.</summary>
    public async Task<SocketModeEnvelope> NextAsync(CancellationToken cancellationToken) => await _arrivals.Reader.ReadAsync(cancellationToken);
}
