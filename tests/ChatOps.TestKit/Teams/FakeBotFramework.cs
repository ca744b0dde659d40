using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using ChatOps.TestKit.Servers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ChatOps.TestKit.Teams;

/// <summary>
/// Entra ID's token endpoint and the Bot Connector in one local server: tokens for the client-credentials grant, and
/// activities stored with the ids Teams would give them, for any region of the service URL (<c>/emea/</c>, <c>/amer/</c>).
/// <see cref="FailNext"/> makes the next connector call answer an error; <see cref="WaitForAsync"/> waits on the calls'
/// change signal, never on a clock.
/// </summary>
public sealed partial class FakeBotFramework : IAsyncDisposable
{
    public const string Secret = "test-app-password";
    public const string AppId = "00000000-0000-0000-0000-0000000000a1";
    public const string Tenant = "11111111-1111-1111-1111-111111111111";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(int Status, int? RetryAfter)> _failures = new();
    private long _ids = 1773480360000;
    private int _tokens;
    private TaskCompletionSource _called = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private readonly (string AppId, string Secret, string Tenant) _credentials;

    private FakeBotFramework(WebApplication app, string url, (string AppId, string Secret, string Tenant) credentials)
    {
        _app = app;
        Url = url;
        _credentials = credentials;
    }

    public string Url { get; }

    public int TokensIssued => _tokens;

    public ConcurrentQueue<string> OtherRequests { get; } = new();

    public ConcurrentQueue<Call> Calls { get; } = new();

    public void FailNext(int status, int? retryAfterSeconds = null) => _failures.Enqueue((status, retryAfterSeconds));

    /// <summary>The first connector call that matches, as soon as it is made; a <see cref="TimeoutException"/> describing the calls seen after <paramref name="patience"/>.</summary>
    public async Task<Call> WaitForAsync(Func<Call, bool> match, TimeSpan patience, string what)
    {
        using var deadline = new CancellationTokenSource(patience);
        while (true)
        {
            // Read the signal before the calls: a call recorded in between completes the signal already read.
            var called = Volatile.Read(ref _called);
            if (Calls.FirstOrDefault(match) is { } found) return found;
            try
            {
                await called.Task.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No connector call {what} after {patience}; calls: "
                    + string.Join(", ", Calls.Select(c => $"{c.Method} {c.Target} {c.Status} '{(c.Body?["activity"] ?? c.Body)?["summary"]}'")));
            }
        }
    }

    /// <summary>A fake that issues tokens to this app id and secret in this tenant (by default the constants above).</summary>
    public static async Task<FakeBotFramework> StartAsync(string appId = AppId, string secret = Secret, string tenant = Tenant)
    {
        FakeBotFramework? fake = null;
        var (app, url) = await KestrelApp.StartAsync(app =>
        {
            app.MapPost("/{tenant}/oauth2/v2.0/token", (string tenant, HttpContext context) => fake!.TokenAsync(tenant, context));
            app.MapPost("/{region}/v3/conversations", (Delegate)((HttpContext context) => fake!.ConnectorAsync(context, created: true)));
            app.MapPost("/{region}/v3/conversations/{conversation}/activities/{id}", (Delegate)((HttpContext context) => fake!.ConnectorAsync(context, created: false)));
            app.MapPut("/{region}/v3/conversations/{conversation}/activities/{id}", (Delegate)((HttpContext context) => fake!.ConnectorAsync(context, created: false)));
            app.MapGet("/{region}/v3/conversations/{conversation}/members/{member}", (string member, HttpContext context) => fake!.MemberAsync(member, context));
            app.MapGet("/v1.0/groups/{group}/transitiveMembers/microsoft.graph.user", (string group, HttpContext context) => fake!.GroupUsers(group, context));
            app.MapFallback((HttpContext context) =>
            {
                fake!.OtherRequests.Enqueue(context.Request.Method + " " + context.Request.Path);
                return Results.NotFound();
            });
        });
        fake = new FakeBotFramework(app, url, (appId, secret, tenant));
        return fake;
    }

    private async Task<IResult> TokenAsync(string tenant, HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        if (tenant != _credentials.Tenant || form["grant_type"] != "client_credentials" || form["client_id"] != _credentials.AppId
            || form["client_secret"] != _credentials.Secret)
            return Results.Json(new { error = "invalid_client", error_description = "AADSTS7000215: Invalid client secret provided." }, statusCode: 401);
        // Each resource's token is its own: the Connector takes only a Bot Framework token, Graph only a Graph token.
        var prefix = (string?)form["scope"] switch
        {
            "https://api.botframework.com/.default" => "fake-token-",
            GraphScope => GraphTokenPrefix,
            _ => null,
        };
        if (prefix is null)
            return Results.Json(new { error = "invalid_scope", error_description = "AADSTS70011: The provided value for the input parameter 'scope' is not valid." }, statusCode: 400);
        var n = Interlocked.Increment(ref _tokens);
        return Results.Json(new { token_type = "Bearer", expires_in = 3600, ext_expires_in = 3600, access_token = prefix + n.ToString(CultureInfo.InvariantCulture) });
    }

    private async Task<IResult> ConnectorAsync(HttpContext context, bool created)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body);
        var target = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var authorization = context.Request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Bearer fake-token-", StringComparison.Ordinal))
        {
            Record(new Call(context.Request.Method, target, body, 401));
            return Results.Json(new { error = new { code = "Unauthorized", message = "Authorization has been denied for this request." } }, statusCode: 401);
        }
        if (_failures.TryDequeue(out var failure))
        {
            Record(new Call(context.Request.Method, target, body, failure.Status));
            if (failure.RetryAfter is { } seconds) context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return Results.Json(new { error = new { code = "Throttled", message = "Try later." } }, statusCode: failure.Status);
        }
        if (context.Request.Method == "PUT")
        {
            Record(new Call(context.Request.Method, target, body, 200));
            return Results.Json(new { id = (string?)context.Request.RouteValues["id"] });
        }
        var id = Interlocked.Increment(ref _ids).ToString(CultureInfo.InvariantCulture);
        Record(new Call(context.Request.Method, target, body, 200, id));
        var channel = (string?)body?["channelData"]?["channel"]?["id"];
        return created
            ? Results.Json(new { id = $"{channel};messageid={id}", activityId = id })
            : Results.Json(new { id });
    }

    private void Record(Call call)
    {
        Calls.Enqueue(call);
        Interlocked.Exchange(ref _called, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    /// <summary>A connector call as it arrived; <paramref name="ActivityId"/> is the id a successful POST answered with.</summary>
    public sealed record Call(string Method, string Target, JsonNode? Body, int Status, string? ActivityId = null);
}
