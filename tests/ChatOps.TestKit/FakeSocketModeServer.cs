using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChatOps.TestKit;

/// <summary>
/// Slack's Socket Mode on a loopback port: <c>POST {ApiUrl}apps.connections.open</c> with the app-level token hands out
/// single-use <c>ws://</c> URLs; each socket is greeted with <c>hello</c> and then driven by the test through its
/// <see cref="FakeSocketModeConnection"/>: envelopes, <c>disconnect</c>, an abrupt drop, and the acks that come back.
/// </summary>
public sealed class FakeSocketModeServer : IAsyncDisposable
{
    public const string AppToken = "xapp-1-A0CHATOPS-1-fake";
    public const string AppId = "A0CHATOPS";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, byte> _tickets = new();
    private readonly ConcurrentQueue<string> _failures = new();
    private readonly ConcurrentQueue<string> _events = new();
    private readonly ConcurrentQueue<(string Method, string Body)> _calls = new();
    private TaskCompletionSource _called = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _ts = 1_700_000_000_000_100;
    private readonly Channel<FakeSocketModeConnection> _connections = Channel.CreateUnbounded<FakeSocketModeConnection>();
    private TaskCompletionSource _opensAllowed = Completed();
    private int _openCalls;
    private int _connected;
    private int _live;

    private FakeSocketModeServer(WebApplication app) => _app = app;

    /// <summary>The Web API base to configure as <c>SLACK_API_URL</c>.</summary>
    public Uri ApiUrl { get; private set; } = null!;

    /// <summary>Calls of apps.connections.open, refused ones included.</summary>
    public int OpenCalls => Volatile.Read(ref _openCalls);

    /// <summary>What happened, in order: <c>open</c>, <c>refused</c>, <c>connect N</c>, <c>closed N</c>, <c>dropped N</c>, <c>reused URL</c>.</summary>
    public IReadOnlyList<string> Events => [.. _events];

    public static async Task<FakeSocketModeServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakeSocketModeServer(app);
        app.UseWebSockets();
        app.MapPost("/api/apps.connections.open", server.OpenAsync);
        app.MapPost("/api/{method}", server.WebApiAsync);
        app.Map("/link/", server.AcceptAsync);
        await app.StartAsync();
        server.ApiUrl = new Uri(app.Urls.Single() + "/api/");
        return server;
    }

    /// <summary>The bot's other Web API calls (method and body), in order: the fake answers them as Slack does, so that a host can run on it.</summary>
    public IReadOnlyList<(string Method, string Body)> Calls => [.. _calls];

    /// <summary>Completes once a call satisfies <paramref name="condition"/>: a signal to await instead of a sleep.</summary>
    public async Task<(string Method, string Body)> WaitForCallAsync(Func<(string Method, string Body), bool> condition, CancellationToken cancellationToken)
    {
        while (true)
        {
            var changed = _called.Task;
            foreach (var call in _calls)
            {
                if (condition(call)) return call;
            }
            await changed.WaitAsync(cancellationToken);
        }
    }

    /// <summary>The next apps.connections.open answers <c>{"ok":false,"error":error}</c>.</summary>
    public void FailNextOpen(string error) => _failures.Enqueue(error);

    /// <summary>apps.connections.open answers nobody until the returned handle is disposed.</summary>
    public IDisposable HoldOpens()
    {
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _opensAllowed = held;
        return new Release(() => held.TrySetResult());
    }

    /// <summary>The next socket the client opens, once it has been sent <c>hello</c>.</summary>
    public async Task<FakeSocketModeConnection> NextConnectionAsync(CancellationToken cancellationToken) =>
        await _connections.Reader.ReadAsync(cancellationToken);

    private async Task OpenAsync(HttpContext context)
    {
        Interlocked.Increment(ref _openCalls);
        await _opensAllowed.Task;
        JsonObject answer;
        if (context.Request.Headers.Authorization.ToString() != $"Bearer {AppToken}")
            answer = new JsonObject { ["ok"] = false, ["error"] = "invalid_auth" };
        else if (_failures.TryDequeue(out var error))
            answer = new JsonObject { ["ok"] = false, ["error"] = error };
        else
        {
            var ticket = Guid.NewGuid().ToString("N");
            _tickets[ticket] = 0;
            answer = new JsonObject { ["ok"] = true, ["url"] = $"ws://{context.Request.Host}/link/?ticket={ticket}&app_id={AppId}" };
        }
        _events.Enqueue(answer["ok"]!.GetValue<bool>() ? "open" : "refused");
        // Slack answers every Web API call with 200 and says in the body whether it worked.
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(answer.ToJsonString());
    }

    // chat.postMessage answers with the message's channel and a ts of its own; users.info with a name; the rest with ok.
    private async Task WebApiAsync(HttpContext context, string method)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        _calls.Enqueue((method, body));
        var wake = Interlocked.Exchange(ref _called, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        wake.TrySetResult();
        var ts = Interlocked.Increment(ref _ts).ToString(System.Globalization.CultureInfo.InvariantCulture);
        JsonObject answer = method switch
        {
            "chat.postMessage" => new() { ["ok"] = true, ["channel"] = JsonNode.Parse(body)?["channel"]?.GetValue<string>(), ["ts"] = $"{ts[..10]}.{ts[10..]}" },
            "users.info" => new() { ["ok"] = true, ["user"] = new JsonObject { ["id"] = "U0", ["name"] = "someone" } },
            _ => new() { ["ok"] = true },
        };
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(answer.ToJsonString());
    }

    private async Task AcceptAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest || !_tickets.TryRemove(context.Request.Query["ticket"].ToString(), out _))
        {
            // Each URL works once, as Slack's do.
            _events.Enqueue("reused URL");
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        using var connection = new FakeSocketModeConnection(Interlocked.Increment(ref _connected), socket, context);
        var live = Interlocked.Increment(ref _live);
        _events.Enqueue($"connect {connection.Number}");
        await connection.SendAsync(new JsonObject
        {
            ["type"] = "hello",
            ["num_connections"] = live,
            ["debug_info"] = new JsonObject { ["host"] = "applink-fake", ["build_number"] = 1, ["approximate_connection_time"] = 18060 },
            ["connection_info"] = new JsonObject { ["app_id"] = AppId },
        });
        _connections.Writer.TryWrite(connection);
        var closed = await connection.RunAsync();
        Interlocked.Decrement(ref _live);
        _events.Enqueue(closed is null ? $"dropped {connection.Number}" : $"closed {connection.Number}");
    }

    public async ValueTask DisposeAsync()
    {
        _opensAllowed.TrySetResult();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static TaskCompletionSource Completed()
    {
        var done = new TaskCompletionSource();
        done.SetResult();
        return done;
    }

    private sealed class Release(Action release) : IDisposable
    {
        public void Dispose() => release();
    }
}
