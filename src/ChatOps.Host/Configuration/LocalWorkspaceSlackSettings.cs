using System.Security.Cryptography;
using ChatOps.LocalWorkspace;
using ChatOps.Slack;
using Microsoft.Extensions.Options;

namespace ChatOps.Host.Configuration;

/// <summary>
/// With the local workspace on, the bot is configured as its app: the token the workspace issued, a signing secret
/// (a random one unless configured), the workspace's Web API in memory and its manager group. Runs after Slack's own
/// setup, so a configured token is seen here, kept, and refused at start.
/// </summary>
internal sealed class LocalWorkspaceSlackSettings(IConfiguration configuration) : IPostConfigureOptions<SlackOptions>
{
    // Made once: options are post-configured once per cache, and every cache must agree with what the workspace signs.
    private readonly Lazy<string> _secret = new(() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)));

    public void PostConfigure(string? name, SlackOptions options)
    {
        if (!LocalWorkspaceRegistration.IsOn(configuration)) return;
        options.BotToken ??= WorkspaceDirectory.BotToken;
        options.SigningSecret ??= _secret.Value;
        if (options.ApiUrl == SlackOptions.DefaultApiUrl) options.ApiUrl = LocalWorkspaceApi.InMemoryUrl;
        if (!options.ManagerGroups.Contains(WorkspaceDirectory.ManagersGroup)) options.ManagerGroups.Add(WorkspaceDirectory.ManagersGroup);
    }
}
