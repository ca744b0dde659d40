using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.LocalWorkspace;

/// <summary>How a host points the bot's Slack Web API client at the workspace, in memory.</summary>
public static class LocalWorkspaceApi
{
    /// <summary>
    /// The Web API base to give the bot's client; <c>.invalid</c> never resolves, so no call can leave the process by
    /// mistake.
    /// </summary>
    public const string InMemoryUrl = "http://local-workspace.invalid" + LocalApiHandler.ApiPath;

    /// <summary>A transport that hands each Web API request to the workspace in this process.</summary>
    public static HttpMessageHandler CreateHandler(IServiceProvider services) =>
        new LocalApiHandler(services.GetRequiredService<LocalWebApi>());
}
