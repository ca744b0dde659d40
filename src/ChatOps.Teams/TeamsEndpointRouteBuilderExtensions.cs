using ChatOps.Teams.Inbound;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ChatOps.Teams;

public static class TeamsEndpointRouteBuilderExtensions
{
    /// <summary>The path the Azure Bot resource's messaging endpoint names; Bot Framework bots use it by convention.</summary>
    public const string MessagesPath = "/api/messages";

    /// <summary><c>POST /api/messages</c>: Bot Framework activities, authenticated by the channel's JWT.</summary>
    public static IEndpointRouteBuilder MapTeamsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(MessagesPath, (HttpContext http, MessagesEndpoint endpoint) => endpoint.HandleAsync(http));
        return app;
    }
}
