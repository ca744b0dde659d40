namespace ChatOps.Bench;

/// <summary>The baseline: Kestrel answering 200 to a POST and nothing else, configured like the host (no logging).</summary>
internal static class BareServer
{
    public static async Task<int> RunAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.MapGet("/healthz", () => Results.Ok());
        app.MapPost("/slack/commands", () => Results.Ok());
        await app.RunAsync();
        return 0;
    }
}
