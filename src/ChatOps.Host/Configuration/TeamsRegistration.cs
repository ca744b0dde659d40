using ChatOps.Teams;

namespace ChatOps.Host.Configuration;

/// <summary>
/// Teams, when <c>MicrosoftAppId</c> is set (the Bot Framework's own setting name). Slack is served beside it only when
/// Slack is configured too (see <see cref="SlackRegistration"/>).
/// </summary>
internal static class TeamsRegistration
{
    public static WebApplicationBuilder AddChatOpsTeams(this WebApplicationBuilder builder)
    {
        if (IsOn(builder.Configuration)) builder.Services.AddTeams(builder.Configuration);
        return builder;
    }

    public static WebApplication MapChatOpsTeams(this WebApplication app)
    {
        if (IsOn(app.Configuration)) app.MapTeamsEndpoints();
        return app;
    }

    public static bool IsOn(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration[TeamsOptions.AppIdSetting]);
}
