using Microsoft.AspNetCore.Routing;

namespace ChatOps.LocalWorkspace;

public static class LocalWorkspaceEndpointRouteBuilderExtensions
{
    /// <summary>
    /// The page at <c>/</c>, its actions under <c>/local/ui/</c>, files and the Web API under <c>/local/</c>; loopback and
    /// same-origin only. Options are read per request, so mapping validates nothing before the host starts.
    /// </summary>
    public static IEndpointRouteBuilder MapLocalWorkspace(this IEndpointRouteBuilder app)
    {
        LocalWorkspaceEndpoints.Map(app);
        return app;
    }
}
