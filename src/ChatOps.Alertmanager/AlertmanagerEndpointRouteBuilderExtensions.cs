using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ChatOps.Alertmanager;

public static class AlertmanagerEndpointRouteBuilderExtensions
{
    public const string Path = "/alerts/alertmanager";

    /// <summary><c>POST /alerts/alertmanager</c>, Alertmanager's webhook, bearer-authenticated.</summary>
    public static IEndpointRouteBuilder MapAlertmanagerEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, (HttpContext http, WebhookEndpoint endpoint) => endpoint.HandleAsync(http));
        return app;
    }
}
