using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ChatOps.Slack.Local;

/// <summary>
/// The local workspace's routes: the page at <c>/</c>, what the page does (<c>/local/ui/*</c>, each turned into a
/// signed Slack request to the bot), the Web API the bot calls (<c>/local/api/*</c>) and uploaded files.
/// </summary>
internal static class LocalWorkspaceEndpoints
{
    private static readonly TimeSpan LongPoll = TimeSpan.FromSeconds(20);

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => LocalStaticFiles.Serve("index.html", "text/html; charset=utf-8"));
        app.MapGet("/local/app.js", () => LocalStaticFiles.Serve("app.js", "text/javascript; charset=utf-8"));
        app.MapGet("/local/app.css", () => LocalStaticFiles.Serve("app.css", "text/css; charset=utf-8"));
        app.MapGet("/local/ui/state", StateAsync);
        app.MapPost("/local/ui/command", (HttpContext http, LocalActions actions) => WithBody(http, b => actions.CommandAsync(Bot(http), b, http.RequestAborted)));
        app.MapPost("/local/ui/message", (HttpContext http, LocalActions actions) => WithBody(http, b => actions.MessageAsync(Bot(http), b, http.RequestAborted)));
        app.MapPost("/local/ui/click", (HttpContext http, LocalActions actions) => WithBody(http, b => actions.ClickAsync(Bot(http), b, http.RequestAborted)));
        app.MapPost("/local/ui/submit", (HttpContext http, LocalActions actions) => WithBody(http, b => actions.SubmitAsync(Bot(http), b, http.RequestAborted)));
        app.MapPost("/local/ui/close", (HttpContext http, LocalActions actions) => WithBody(http, b => Task.FromResult(actions.Close(b))));
        app.MapGet("/local/files/{id}", (string id, LocalWorkspace workspace) =>
            workspace.File(id) is { Content: { } content } file
                ? Results.Text(content, "text/markdown; charset=utf-8")
                : Results.NotFound());
        app.MapPost(LocalApiHandler.ApiPath + "{**method}", ApiAsync);
    }

    private static async Task<IResult> StateAsync(HttpContext http, LocalWorkspace workspace, long? after)
    {
        if (after is { } seen) await workspace.WaitForChangeAsync(seen, LongPoll, http.RequestAborted);
        return Results.Text(LocalState.Snapshot(workspace).ToJsonString(), "application/json; charset=utf-8");
    }

    private static async Task<IResult> ApiAsync(HttpContext http, string method, LocalWebApi api)
    {
        using var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body, http.RequestAborted);
        var url = new Uri($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{http.Request.Path}");
        var answer = api.Handle(method, http.Request.ContentType, body.ToArray(), http.Request.Headers.Authorization.ToString() is { Length: > 0 } a ? a : null, url);
        if (answer.RetryAfterSeconds is { } seconds) http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
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

    /// <summary>The bot is this very host: the page's requests come back in where the page was served from.</summary>
    private static Uri Bot(HttpContext http) => new($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/");
}
