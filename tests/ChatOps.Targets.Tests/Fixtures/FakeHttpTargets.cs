using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

using ChatOps.TestKit.Servers;

namespace ChatOps.Targets.Tests.Fixtures;

/// <summary>
/// The HTTP targets, one path prefix each: healthy vLLM and embedding services, a RAG search that returns top_k
/// results, one that never answers, one that answers 500, one that answers HTML, and a JSON document for extract paths.
/// </summary>
public sealed class FakeHttpTargets : IAsyncDisposable
{
    public const string Document = """{"a":{"b":[{"c":42},{"c":7}]},"items":[1,2,3],"name":"gpu-pool","healthy":true,"ratio":"0.25","none":null}""";

    private WebApplication? _app;

    public string Url { get; private set; } = "";

    /// <summary>Bodies the RAG search received.</summary>
    public ConcurrentQueue<string> SearchBodies { get; } = new();

    public async Task StartAsync()
    {
        (_app, Url) = await KestrelApp.StartAsync(app =>
        {
            app.MapGet("/vllm/health", () => Results.Ok());
            app.MapGet("/embeddings/health", () => Results.Json(new JsonObject { ["status"] = "ok" }));
            app.MapPost("/rag/search", async (HttpRequest request) =>
            {
                var body = await new StreamReader(request.Body).ReadToEndAsync();
                SearchBodies.Enqueue(body);
                var topK = JsonNode.Parse(body)?["top_k"]?.GetValue<int>() ?? 3;
                return Results.Json(new JsonObject
                {
                    ["results"] = new JsonArray([.. Enumerable.Range(1, topK).Select(i => new JsonObject { ["id"] = $"doc-{i}", ["score"] = 1.0 / i })]),
                });
            });
            app.Map("/stuck/{**rest}", async (HttpContext context) =>
            {
                // Never answers; ends only when the caller gives up.
                await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            });
            app.Map("/broken/{**rest}", () => Results.Text("upstream exploded: connection pool exhausted", statusCode: 500));
            app.Map("/garbage/{**rest}", () => Results.Text("<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html"));
            app.Map("/json/{**rest}", () => Results.Text(Document, "application/json"));
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
