namespace ChatOps.Core.Inbound;

/// <summary>
/// The door the delivery in progress came in by: an HTTP route such as <c>/slack/commands</c>, or a door without one
/// (Socket Mode). The host sets it around each request and such a door around each envelope; <see cref="InboundMetrics"/>
/// reads it. Ambient, like <see cref="Work.WorkScope"/>, so that the adapters' code between a door and the pipeline
/// need not carry it.
/// </summary>
public static class InboundEndpoint
{
    public const string Unknown = "unknown";

    private static readonly AsyncLocal<string?> Ambient = new();

    public static string Current => Ambient.Value ?? Unknown;

    /// <summary>Makes <paramref name="endpoint"/> current until the returned handle is disposed.</summary>
    public static IDisposable Enter(string endpoint)
    {
        var previous = Ambient.Value;
        Ambient.Value = endpoint;
        return new Exit(previous);
    }

    private sealed class Exit(string? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}
