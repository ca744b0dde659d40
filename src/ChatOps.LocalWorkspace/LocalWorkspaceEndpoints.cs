using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ChatOps.LocalWorkspace;

/// <summary>
/// The workspace's routes: the page at <c>/</c>, the drills it offers, what the page does (<c>/local/ui/*</c>, each
/// turned into a signed Slack request to the bot), uploaded files, and the Web API the bot calls (<c>/local/api/*</c>).
/// Each group passes the <see cref="RequestGuard"/> before anything is read.
/// </summary>
internal static class LocalWorkspaceEndpoints
{
    private static readonly TimeSpan LongPoll = TimeSpan.FromSeconds(20);

    public static void Map(IEndpointRouteBuilder app)
    {
        // Every route: from this machine, addressed to one of the workspace's origins. Actions: same-origin JSON too.
        var all = app.MapGroup("").Guarded((guard, http) => guard.CheckCaller(http) ?? guard.CheckHost(http));
        all.MapGet("/", () => LocalStaticFiles.Serve("index.html", "text/html; charset=utf-8"));
        all.MapGet("/local/app.js", () => LocalStaticFiles.Serve("app.js", "text/javascript; charset=utf-8"));
        all.MapGet("/local/app.css", () => LocalStaticFiles.Serve("app.css", "text/css; charset=utf-8"));
        all.MapGet("/local/ui/state", StateAsync);
        all.MapGet("/local/ui/drills", (HttpContext http) =>
            Results.Text(Drills(http.RequestServices).ToJsonString(), "application/json; charset=utf-8"));
        all.MapGet("/local/files/{id}", (string id, Workspace workspace) =>
            workspace.File(id) is { Content: { } content }
                ? Results.Text(content, "text/markdown; charset=utf-8")
                : Results.NotFound());

        var actions = all.MapGroup("/local/ui").Guarded((guard, http) => guard.CheckAction(http));
        actions.MapPost("/command", (HttpContext http, LocalActions act) => WithBody(http, b => act.CommandAsync(b, http.RequestAborted)));
        actions.MapPost("/message", (HttpContext http, LocalActions act) => WithBody(http, b => act.MessageAsync(b, http.RequestAborted)));
        actions.MapPost("/click", (HttpContext http, LocalActions act) => WithBody(http, b => act.ClickAsync(b, http.RequestAborted)));
        actions.MapPost("/submit", (HttpContext http, LocalActions act) => WithBody(http, b => act.SubmitAsync(b, http.RequestAborted)));
        actions.MapPost("/close", (HttpContext http, LocalActions act) => WithBody(http, b => Task.FromResult(act.Close(b))));

        // The bot's own calls when it reaches the workspace over HTTP (SLACK_API_URL): Slack's bearer token, no page involved.
        all.MapPost(LocalApiHandler.ApiPath + "{**method}", ApiAsync);
    }

    private static RouteGroupBuilder Guarded(this RouteGroupBuilder group, Func<RequestGuard, HttpContext, IResult?> check) =>
        group.AddEndpointFilter((context, next) =>
            check((RequestGuard)context.HttpContext.RequestServices.GetService(typeof(RequestGuard))!, context.HttpContext) is { } refused
                ? ValueTask.FromResult<object?>(refused)
                : next(context));

    private static async Task<IResult> StateAsync(HttpContext http, Workspace workspace, long? after)
    {
        if (after is { } seen) await workspace.WaitForChangeAsync(seen, LongPoll, http.RequestAborted);
        return Results.Text(LocalState.Snapshot(workspace).ToJsonString(), "application/json; charset=utf-8");
    }

    private static JsonArray Drills(IServiceProvider services) =>
        [.. (services.GetService(typeof(IDrillScenarios)) as IDrillScenarios)?.All
            .Select(d => (JsonNode)new JsonObject { ["name"] = d.Name, ["title"] = d.Title }) ?? []];

    private static async Task<IResult> ApiAsync(HttpContext http, string method, LocalWebApi api)
    {
        using var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body, http.RequestAborted);
        var url = new Uri($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{http.Request.Path}");
        var answer = api.Handle(method, http.Request.ContentType, body.ToArray(),
            http.Request.Headers.Authorization.ToString() is { Length: > 0 } a ? a : null, url);
        if (answer.RetryAfterSeconds is { } seconds)
            http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Results.Content(answer.Body, answer.ContentType, statusCode: answer.Status);
    }

    private static async Task<IResult> WithBody(HttpContext http, Func<JsonObject, Task<JsonObject>> act)
    {
        JsonObject? body;
        try
        {
            body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            body = null;
        }
        if (body is null) return Results.BadRequest();
        return Results.Text((await act(body)).ToJsonString(), "application/json; charset=utf-8");
    }
}
