using ChatOps.Slack;

namespace ChatOps.Host.Configuration;

/// <summary>Slack, and the local workspace that stands in for it when configuration turns it on.</summary>
internal static class SlackRegistration
{
    public static WebApplicationBuilder AddChatOpsSlack(this WebApplicationBuilder builder)
    {
        builder.Services.AddSlack(LocalWorkspaceRegistration.SlackApiTransport);
        return builder.AddChatOpsLocalWorkspace();
    }

    public static WebApplication MapChatOpsSlack(this WebApplication app)
    {
        app.MapSlackEndpoints();
        return app.MapChatOpsLocalWorkspace();
    }
}
