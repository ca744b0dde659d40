using ChatOps.Slack.Inbound;
using ChatOps.Slack.Local;
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
        return app;
    }

    /// <summary>The local workspace at <c>/</c>, only when no bot token is configured (the embedded default).</summary>
    public static IEndpointRouteBuilder MapSlackLocalWorkspace(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<IOptionsMonitor<SlackOptions>>().CurrentValue;
        if (!options.LocalWorkspace) return app;
        LocalWorkspaceEndpoints.Map(app);
        var logger = app.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("ChatOps.Slack");
        if (logger.IsEnabled(LogLevel.Information)) LogLocal(logger, options.ApiUrl!);
        return app;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No Slack signing secret is configured (Slack:SigningSecret or SLACK_SIGNING_SECRET): every Slack request will be refused")]
    private static partial void LogNoSecret(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "No SLACK_BOT_TOKEN: serving the local Slack workspace at / (Web API at {ApiUrl})")]
    private static partial void LogLocal(ILogger logger, string apiUrl);
}
