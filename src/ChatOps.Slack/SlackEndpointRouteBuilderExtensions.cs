using ChatOps.Slack.Inbound;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.Slack;

public static partial class SlackEndpointRouteBuilderExtensions
{
    /// <summary><c>POST /slack/commands</c>, <c>/slack/interactions</c> and <c>/slack/events</c>, each Slack-signed.</summary>
    public static IEndpointRouteBuilder MapSlackEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/slack/commands", (HttpContext http, SlashCommandEndpoint endpoint) => endpoint.HandleAsync(http));
        app.MapPost("/slack/interactions", (HttpContext http, InteractionEndpoint endpoint) => endpoint.HandleAsync(http));
        app.MapPost("/slack/events", (HttpContext http, EventEndpoint endpoint) => endpoint.HandleAsync(http));
        var options = app.ServiceProvider.GetRequiredService<IOptionsMonitor<SlackOptions>>().CurrentValue;
        var logger = app.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("ChatOps.Slack");
        if (string.IsNullOrEmpty(options.SigningSecret)) LogNoSecret(logger);
        if (string.IsNullOrEmpty(options.BotToken)) LogNoBotToken(logger);
        return app;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No Slack signing secret is configured (Slack:SigningSecret or SLACK_SIGNING_SECRET): every Slack request will be refused")]
    private static partial void LogNoSecret(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No Slack bot token is configured (Slack:BotToken or SLACK_BOT_TOKEN): the bot cannot post in Slack")]
    private static partial void LogNoBotToken(ILogger logger);
}
