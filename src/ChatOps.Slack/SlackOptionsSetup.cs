using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ChatOps.Slack;

/// <summary>Fills what the section leaves out from Slack's conventional names.</summary>
internal sealed class SlackOptionsSetup(IConfiguration configuration) : IPostConfigureOptions<SlackOptions>
{
    public void PostConfigure(string? name, SlackOptions options)
    {
        options.BotToken = Blank(options.BotToken) ?? Blank(configuration["SLACK_BOT_TOKEN"]);
        options.SigningSecret = Blank(options.SigningSecret) ?? Blank(configuration["SLACK_SIGNING_SECRET"]);
        options.ApiUrl = Blank(options.ApiUrl) ?? Blank(configuration["SLACK_API_URL"]);
        options.AppToken = Blank(options.AppToken) ?? Blank(configuration["SLACK_APP_TOKEN"]);
        options.ApiUrl ??= SlackOptions.DefaultApiUrl;
        if (!options.ApiUrl.EndsWith('/')) options.ApiUrl += "/";
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
