using ChatOps.Teams;

namespace ChatOps.Host.Configuration;

/// <summary>
/// Teams, when <c>MicrosoftAppId</c> is set (the Bot Framework's own setting name). Slack is registered either way, so
/// a Teams-only deployment serves Teams beside a Slack door that refuses everything unsigned, as it does today.
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
