using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ChatOps.Slack;

/// <summary>Fills what the section leaves out from Slack's conventional names, and the local workspace's defaults.</summary>
internal sealed class SlackOptionsSetup(IConfiguration configuration) : IPostConfigureOptions<SlackOptions>
{
    public const string ProductionApiUrl = "https://slack.com/api/";
    public const string LocalApiUrl = "http://localhost/local/api/";

    // Generated once per process: options are post-configured once per cache, and both caches must agree.
    private readonly Lazy<string> _localSecret = new(() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)));

    public void PostConfigure(string? name, SlackOptions options)
    {
        options.BotToken = Blank(options.BotToken) ?? Blank(configuration["SLACK_BOT_TOKEN"]);
        options.SigningSecret = Blank(options.SigningSecret) ?? Blank(configuration["SLACK_SIGNING_SECRET"]);
        options.ApiUrl = Blank(options.ApiUrl) ?? Blank(configuration["SLACK_API_URL"]);
        options.AppToken = Blank(options.AppToken) ?? Blank(configuration["SLACK_APP_TOKEN"]);
        if (options.LocalWorkspace)
        {
            // The local workspace signs what it sends with this secret, so it needs one even when none is configured.
            options.SigningSecret ??= _localSecret.Value;
            options.InMemoryApi = options.ApiUrl is null;
            options.ApiUrl ??= LocalApiUrl;
            if (options.ManagerGroups.Count == 0) options.ManagerGroups.Add(Local.LocalWorkspace.ManagersGroup);
        }
        options.ApiUrl ??= ProductionApiUrl;
        if (!options.ApiUrl.EndsWith('/')) options.ApiUrl += "/";
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
