using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.LocalWorkspace;

/// <summary>
/// Keeps the workspace a tool of this machine's developer. Every route answers loopback only (unless
/// <c>LocalWorkspace:AllowRemote</c>) and only requests addressed to a configured origin; the page's actions only
/// same-origin JSON. A page on another site, or on a DNS name rebound to 127.0.0.1, can neither read
/// the channel nor act in it: its requests carry its own <c>Origin</c> and <c>Host</c>, which are never trusted.
/// </summary>
internal sealed partial class RequestGuard(IOptionsMonitor<LocalWorkspaceOptions> options, ILogger<RequestGuard> logger)
{
    /// <summary>Any route: the caller must be on this machine.</summary>
    public IResult? CheckCaller(HttpContext http)
    {
        if (options.CurrentValue.AllowRemote) return null;
        // No address means no network peer (an in-process server); anything on the network must be loopback.
        var remote = http.Connection.RemoteIpAddress;
        return remote is null || IPAddress.IsLoopback(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote)
            ? null
            : Refuse(http, StatusCodes.Status403Forbidden,
                "The local workspace answers only this machine (LocalWorkspace:AllowRemote is off).");
    }

    /// <summary>Any route: addressed to one of the workspace's origins, which a DNS name rebound to this machine is not.</summary>
    public IResult? CheckHost(HttpContext http)
    {
        var origins = options.CurrentValue.Origins;
        return IsListed(origins, $"{http.Request.Scheme}://{http.Request.Host}")
            ? null
            : Refuse(http, StatusCodes.Status403Forbidden,
                $"The local workspace is served only at {string.Join(", ", origins)} (LocalWorkspace:Origins).");
    }

    /// <summary>
    /// A page action: sent by the workspace's own page (its <c>Origin</c>), as JSON, which a plain cross-site form cannot
    /// be.
    /// </summary>
    public IResult? CheckAction(HttpContext http)
    {
        if (!IsListed(options.CurrentValue.Origins, http.Request.Headers.Origin.ToString()))
            return Refuse(http, StatusCodes.Status403Forbidden,
                "The local workspace accepts actions only from its own page (the Origin must be one of LocalWorkspace:Origins).");
        if (!IsJson(http.Request.ContentType))
            return Refuse(http, StatusCodes.Status415UnsupportedMediaType, "The local workspace accepts actions only as application/json.");
        return null;
    }

    private static bool IsListed(IList<string> origins, string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var asked) && origins.Any(o => Uri.TryCreate(o, UriKind.Absolute, out var allowed)
            && string.Equals(asked.Scheme, allowed.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(asked.IdnHost, allowed.IdnHost, StringComparison.OrdinalIgnoreCase)
            && asked.Port == allowed.Port);

    private static bool IsJson(string? contentType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var type)
        && type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase);

    private IResult Refuse(HttpContext http, int status, string reason)
    {
        LogRefused(http.Request.Method, http.Request.Path.Value ?? "", status, reason);
        return Results.Text(reason, "text/plain; charset=utf-8", statusCode: status);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Local workspace refused {Method} {Path} with {Status}: {Reason}")]
    private partial void LogRefused(string method, string path, int status, string reason);
}
