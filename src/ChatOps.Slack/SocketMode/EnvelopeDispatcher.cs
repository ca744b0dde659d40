using System.Text.Json.Nodes;
using ChatOps.Slack.Wire;
using Microsoft.Extensions.Logging;

namespace ChatOps.Slack.SocketMode;

/// <summary>
/// Hands an envelope to the <see cref="ISocketModeEnvelopeHandler"/> and acknowledges it on the socket it came on.
/// Slack wants the acknowledgement within 3 seconds (https://api.slack.com/apis/connections/socket), so a handler still
/// busy after <see cref="AckDeadline"/> is acknowledged without its payload; a handler that fails is not acknowledged
/// at all, so that Slack delivers the envelope again.
/// </summary>
internal sealed partial class EnvelopeDispatcher(
    ISocketModeEnvelopeHandler handler,
    TimeProvider time,
    ILogger logger,
    CancellationToken handlerToken)
{
    /// <summary>Half a second short of Slack's 3 s, for the send and the network.</summary>
    public static readonly TimeSpan AckDeadline = TimeSpan.FromSeconds(2.5);

    /// <summary>Completes once the envelope is acknowledged or left unacknowledged; a late handler may still run.</summary>
    public async Task DispatchAsync(SocketModeEnvelope envelope, SocketModeConnection connection)
    {
        // Task.Run keeps a handler that blocks before its first await off the read loop.
        var handling = Task.Run(() => handler.HandleAsync(envelope, handlerToken), CancellationToken.None);
        using var deadline = new CancellationTokenSource();
        var late = Task.Delay(AckDeadline, time, deadline.Token);
        if (await Task.WhenAny(handling, late) != handling)
        {
            LogLate(envelope.EnvelopeId, envelope.Type, AckDeadline);
            await connection.AcknowledgeAsync(new SocketModeAck(envelope.EnvelopeId));
            _ = ObserveLateAsync(handling, envelope);
            return;
        }
        await deadline.CancelAsync();
        if (await OutcomeAsync(handling, envelope) is not { } outcome) return;
        var payload = envelope.AcceptsResponsePayload ? outcome.Payload : null;
        if (payload is null && outcome.Payload is not null) LogPayloadNotAccepted(envelope.EnvelopeId, envelope.Type);
        await connection.AcknowledgeAsync(new SocketModeAck(envelope.EnvelopeId, payload));
    }

    private async Task<Handled?> OutcomeAsync(Task<JsonObject?> handling, SocketModeEnvelope envelope)
    {
        try
        {
            return new Handled(await handling);
        }
        catch (OperationCanceledException) when (handlerToken.IsCancellationRequested)
        {
            LogAbandoned(envelope.EnvelopeId, envelope.Type);
        }
        catch (Exception e)
        {
            // The handler is the pipeline's; whatever it throws, this envelope stays unacknowledged and the worker runs on.
            LogFailed(e, envelope.EnvelopeId, envelope.Type, envelope.RetryAttempt);
        }
        return null;
    }

    private async Task ObserveLateAsync(Task<JsonObject?> handling, SocketModeEnvelope envelope)
    {
        try
        {
            await handling;
        }
        catch (Exception e)
        {
            // Already acknowledged: Slack will not deliver it again, so this is the last word on it.
            LogFailedAfterAck(e, envelope.EnvelopeId, envelope.Type);
        }
    }

    private sealed record Handled(JsonObject? Payload);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Socket Mode envelope {EnvelopeId} ({Type}) was still being handled after " +
        "{Deadline}; acknowledged without a response payload")]
    private partial void LogLate(string envelopeId, string type, TimeSpan deadline);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Socket Mode envelope {EnvelopeId} ({Type}) does not accept a response payload; the handler's was dropped")]
    private partial void LogPayloadNotAccepted(string envelopeId, string type);

    [LoggerMessage(Level = LogLevel.Error, Message = "Socket Mode envelope {EnvelopeId} ({Type}, retry attempt {RetryAttempt}) failed; " +
        "left unacknowledged for Slack to deliver again")]
    private partial void LogFailed(Exception exception, string envelopeId, string type, int retryAttempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Socket Mode envelope {EnvelopeId} ({Type}) failed after it was acknowledged")]
    private partial void LogFailedAfterAck(Exception exception, string envelopeId, string type);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Socket Mode envelope {EnvelopeId} ({Type}) was stopped by shutdown; left unacknowledged")]
    private partial void LogAbandoned(string envelopeId, string type);
}
