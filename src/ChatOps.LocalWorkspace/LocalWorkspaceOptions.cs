namespace ChatOps.LocalWorkspace;

/// <summary>
/// Configuration section <c>LocalWorkspace</c>: the development stand-in for Slack. Off unless turned on; once on it
/// answers only this machine and only pages served from its own origins.
/// </summary>
public sealed class LocalWorkspaceOptions
{
    public const string SectionName = "LocalWorkspace";

    /// <summary>The origins of the page when none are configured: the address <c>dotnet run</c> prints.</summary>
    public static readonly IReadOnlyList<string> DefaultOrigins = ["http://localhost:5080", "http://127.0.0.1:5080"];

    /// <summary>Serves the workspace at <c>/</c> and points the bot's Slack client at it.</summary>
    public bool Enabled { get; set; }

    /// <summary>Answers requests from other machines too; by default only loopback is served and the rest get 403.</summary>
    public bool AllowRemote { get; set; }

    /// <summary>
    /// The page's origins (<c>scheme://host:port</c>). A page action must carry one of them in <c>Origin</c>, and every
    /// page request must be addressed (<c>Host</c>) to one of them, which a rebound DNS name never is.
    /// </summary>
    public IList<string> Origins { get; } = [];

    /// <summary>Where the workspace posts the signed Slack requests; by default the host's own loopback address.</summary>
    public string? BotUrl { get; set; }
}
