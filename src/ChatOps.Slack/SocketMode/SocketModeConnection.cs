using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOps.Slack.Wire;
using Microsoft.Extensions.Logging;

namespace ChatOps.Slack.SocketMode;

/// <summary>
/// One Socket Mode WebSocket: connected, greeted with <c>hello</c>, then read until it ends. Envelopes are dispatched
/// without waiting for one another; a <c>disconnect</c> asks for a replacement (<see cref="ReplacementRequested"/>)
/// while this one keeps serving until <see cref="CloseAsync"/>.
/// </summary>
internal sealed partial class SocketModeConnection : IAsyncDisposable
{
    public static readonly TimeSpan HelloTimeout = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(5);

    // Slack's SDKs ping every few seconds and give up on a socket whose pong is 5 s late; a half-open TCP connection
    // would otherwise look alive until the operating system notices, minutes later.
    private static readonly TimeSpan KeepAliveInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan KeepAliveTimeout = TimeSpan.FromSeconds(5);

    private readonly ClientWebSocket _socket = new();
    private readonly SocketModeFrameReader _reader;
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly TaskCompletionSource<string> _replacement = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly HashSet<Task> _dispatched = [];
    private readonly Lock _gate = new();
    private readonly EnvelopeDispatcher _dispatcher;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private Task<Exception?> _reading = Task.FromResult<Exception?>(null);
    private long _readyAt;
    private bool _closing;
    private bool _closed;

    private SocketModeConnection(string name, EnvelopeDispatcher dispatcher, TimeProvider time, ILogger logger)
    {
        Name = name;
        _dispatcher = dispatcher;
        _time = time;
        _logger = logger;
        _reader = new SocketModeFrameReader(_socket, name, logger);
        _socket.Options.KeepAliveInterval = KeepAliveInterval;
        _socket.Options.KeepAliveTimeout = KeepAliveTimeout;
    }

    /// <summary>Names the connection in logs: its slot and its count within the slot.</summary>
    public string Name { get; }

    /// <summary>Completes with Slack's reason when it sends <c>disconnect</c>.</summary>
    public Task<string> ReplacementRequested => _replacement.Task;

    /// <summary>Completes when the socket has ended: with null when it was closed in an orderly way, else the failure.</summary>
    public Task<Exception?> Ended => _reading;

    /// <summary>How long it has been up since <c>hello</c>.</summary>
    public TimeSpan Uptime => _time.GetElapsedTime(_readyAt);

    /// <summary>Connects to the single-use <paramref name="url"/> and waits for <c>hello</c>, then starts reading.</summary>
    public static async Task<SocketModeConnection> OpenAsync(
        Uri url, string name, EnvelopeDispatcher dispatcher, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        var connection = new SocketModeConnection(name, dispatcher, time, logger);
        try
        {
            await connection.GreetAsync(url, cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task GreetAsync(Uri url, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(HelloTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        SocketModeFrame? hello;
        try
        {
            await _socket.ConnectAsync(url, linked.Token);
            hello = await _reader.NextAsync(linked.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new SocketModeException($"no hello within {HelloTimeout.TotalSeconds} s");
        }
        if (hello?.Type != "hello") throw new SocketModeException($"the first message was {hello?.Type ?? "a close"}, not hello");
        _readyAt = _time.GetTimestamp();
        LogReady(Name, url.Host, hello.NumConnections);
        _reading = ReadAsync();
    }

    private async Task<Exception?> ReadAsync()
    {
        try
        {
            // Never cancelled by a token: cancelling a receive aborts the socket, and closing must stay orderly.
            while (await _reader.NextAsync(CancellationToken.None) is { } frame) Route(frame);
            await CloseOutputAsync();
            return null;
        }
        catch (Exception e) when (e is WebSocketException or SocketModeException or OperationCanceledException or ObjectDisposedException)
        {
            return e;
        }
    }

    private void Route(SocketModeFrame frame)
    {
        switch (frame)
        {
            case { Type: "disconnect" }:
                LogDisconnect(Name, frame.Reason ?? "unknown");
                _replacement.TrySetResult(frame.Reason ?? "unknown");
                break;
            case { EnvelopeId: { Length: > 0 } id }:
                Dispatch(new SocketModeEnvelope(id, frame.Type ?? "", frame.Payload ?? new JsonObject(), frame.AcceptsResponsePayload,
                    frame.RetryAttempt ?? 0, string.IsNullOrEmpty(frame.RetryReason) ? null : frame.RetryReason));
                break;
            default:
                LogIgnored(Name, frame.Type ?? "untyped");
                break;
        }
    }

    private void Dispatch(SocketModeEnvelope envelope)
    {
        lock (_gate)
        {
            if (_closing)
            {
                // Its acknowledgement could no longer be sent; Slack delivers it again on another connection.
                LogLeftForRedelivery(Name, envelope.EnvelopeId);
                return;
            }
            var dispatched = _dispatcher.DispatchAsync(envelope, this);
            _dispatched.Add(dispatched);
            _ = dispatched.ContinueWith(done => { lock (_gate) _dispatched.Remove(done); },
                CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    /// <summary>Sends an acknowledgement; ClientWebSocket takes one send at a time, so sends wait their turn.</summary>
    public async Task AcknowledgeAsync(SocketModeAck ack)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(ack, SlackJsonContext.Default.SocketModeAck);
        await _sending.WaitAsync();
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        }
        catch (Exception e) when (e is WebSocketException or InvalidOperationException
            or OperationCanceledException or ObjectDisposedException)
        {
            LogAckNotSent(e, Name, ack.EnvelopeId);
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <summary>
    /// Closes in order: no new envelopes are taken (Slack delivers them again elsewhere), the ones in hand are
    /// acknowledged (each within the ack deadline), then the close handshake, cut short after <see cref="CloseTimeout"/>.
    /// </summary>
    public async Task CloseAsync()
    {
        Task[] dispatched;
        lock (_gate)
        {
            if (_closed) return;
            _closed = _closing = true;
            dispatched = [.. _dispatched];
        }
        await Task.WhenAll(dispatched);
        await CloseOutputAsync();
        try
        {
            await _reading.WaitAsync(CloseTimeout, _time);
        }
        catch (TimeoutException)
        {
            LogCloseTimedOut(Name, CloseTimeout);
            _socket.Abort();
        }
        _socket.Dispose();
    }

    private async Task CloseOutputAsync()
    {
        await _sending.WaitAsync();
        try
        {
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }
        catch (Exception e) when (e is WebSocketException or InvalidOperationException or ObjectDisposedException)
        {
            // Already gone: there is nothing left to close.
        }
        finally
        {
            _sending.Release();
        }
    }

    public async ValueTask DisposeAsync() => await CloseAsync();

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Socket Mode connection {Name} to {Host} is ready ({Connections} open for the app)")]
    private partial void LogReady(string name, string host, int? connections);

    [LoggerMessage(Level = LogLevel.Information, Message = "Socket Mode connection {Name}: Slack asks to reconnect ({Reason})")]
    private partial void LogDisconnect(string name, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Socket Mode connection {Name}: ignored a {Type} message")]
    private partial void LogIgnored(string name, string type);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Socket Mode connection {Name} is closing; envelope {EnvelopeId} is left for Slack to deliver again")]
    private partial void LogLeftForRedelivery(string name, string envelopeId);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Socket Mode connection {Name}: the acknowledgement of {EnvelopeId} was not sent; Slack will deliver it again")]
    private partial void LogAckNotSent(Exception exception, string name, string envelopeId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Socket Mode connection {Name}: no close handshake within {Timeout}; aborted")]
    private partial void LogCloseTimedOut(string name, TimeSpan timeout);
}
