using ChatOps.Slack;

namespace ChatOps.Host.Configuration;

/// <summary>Slack, and with no bot token the local workspace that stands in for it.</summary>
internal static class SlackRegistration
{
    public static WebApplicationBuilder AddChatOpsSlack(this WebApplicationBuilder builder)
    {
        builder.Services.AddSlack();
        return builder;
    }

    public static WebApplication MapChatOpsSlack(this WebApplication app)
    {
        app.MapSlackEndpoints();
        app.MapSlackLocalWorkspace();
        return app;
    }
}
