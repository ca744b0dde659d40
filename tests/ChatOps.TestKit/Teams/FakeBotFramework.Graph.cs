using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ChatOps.TestKit.Teams;

/// <summary>
/// Microsoft Graph's list of a group's transitive members, cast to users
/// (<c>GET /v1.0/groups/{id}/transitiveMembers/microsoft.graph.user</c>, https://learn.microsoft.com/graph/api/group-list-transitivemembers):
/// only with a Graph token; pages of <see cref="GraphPageSize"/> (or a smaller <c>$top</c>) linked by an absolute
/// <c>@odata.nextLink</c> on graph.microsoft.com with a <c>$skiptoken</c>, as Graph pages; 404
/// <c>Request_ResourceNotFound</c> for a group it does not know; and, when told, 429 with <c>Retry-After</c> as Graph throttles.
/// </summary>
public sealed partial class FakeBotFramework
{
    public const string GraphScope = "https://graph.microsoft.com/.default";
    public const string GraphTokenPrefix = "fake-graph-token-";

    private readonly ConcurrentDictionary<string, string[]> _groups = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<int> _throttles = new();

    /// <summary>Members per page; small, so that a group of a few people already spans pages.</summary>
    public int GraphPageSize { get; set; } = 2;

    /// <summary>A next-page link Graph should not give: a host other than Graph's, to prove the bot does not follow it with its token.</summary>
    public string? ForeignNextLink { get; set; }

    /// <summary>The users of <paramref name="groupId"/>, nested groups already flattened as Graph's transitive members are.</summary>
    public void AddGroup(string groupId, params string[] users) => _groups[groupId] = users;

    /// <summary>The next Graph request answers 429 with <c>Retry-After</c> <paramref name="retryAfterSeconds"/>.</summary>
    public void ThrottleGraphNext(int retryAfterSeconds) => _throttles.Enqueue(retryAfterSeconds);

    private IResult GroupUsers(string group, HttpContext context)
    {
        var target = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        if (!context.Request.Headers.Authorization.ToString().StartsWith("Bearer " + GraphTokenPrefix, StringComparison.Ordinal))
            return Graph(target, 401, new { error = new { code = "InvalidAuthenticationToken", message = "Access token validation failure. Invalid audience." } });
        if (_throttles.TryDequeue(out var retryAfter))
        {
            context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
            return Graph(target, 429, new { error = new { code = "TooManyRequests", message = "Too many requests." } });
        }
        if (!_groups.TryGetValue(group, out var users))
            return Graph(target, 404, new { error = new { code = "Request_ResourceNotFound",
                message = $"Resource '{group}' does not exist or one of its queried reference-property objects are not present." } });
        var query = context.Request.Query;
        if (query["$select"] != "id") return Graph(target, 400, new { error = new { code = "BadRequest", message = "This fake serves $select=id only." } });
        var size = int.TryParse(query["$top"], CultureInfo.InvariantCulture, out var top) ? Math.Min(top, GraphPageSize) : GraphPageSize;
        var skip = int.TryParse(query["$skiptoken"], CultureInfo.InvariantCulture, out var skipped) ? skipped : 0;
        var page = users.Skip(skip).Take(size).Select(id => new Dictionary<string, string> { ["@odata.type"] = "#microsoft.graph.user", ["id"] = id });
        var body = new Dictionary<string, object>
        {
            ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#users(id)",
            ["value"] = page.ToList(),
        };
        if (skip + size < users.Length)
            body["@odata.nextLink"] = ForeignNextLink ?? "https://graph.microsoft.com/v1.0/groups/" + group
                + $"/transitiveMembers/microsoft.graph.user?$select=id&$top={size}&$skiptoken={skip + size}";
        return Graph(target, 200, body);
    }

    private IResult Graph(string target, int status, object body)
    {
        Record(new Call("GET", target, null, status));
        return Results.Json(body, statusCode: status);
    }
}
