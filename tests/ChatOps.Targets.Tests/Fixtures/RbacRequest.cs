namespace ChatOps.Targets.Tests.Fixtures;

/// <summary>
/// What RBAC authorizes a resource request by: API group, resource (with its subresource), verb and object name, read
/// from method and path as the API server does (https://kubernetes.io/docs/reference/access-authn-authz/authorization/#determine-the-request-verb):
/// a GET of a collection is <c>list</c> (<c>watch</c> with <c>watch=true</c>), of one object <c>get</c>.
/// </summary>
public sealed record RbacRequest(string Group, string Resource, string Verb, string? Name)
{
    public static RbacRequest Of(string method, string pathAndQuery)
    {
        var (path, query) = pathAndQuery.IndexOf('?', StringComparison.Ordinal) is var q and >= 0
            ? (pathAndQuery[..q], pathAndQuery[q..])
            : (pathAndQuery, "");
        var parts = path.Trim('/').Split('/');
        var (group, at) = parts[0] switch
        {
            "api" => ("", 2),
            "apis" => (parts[1], 3),
            _ => throw new ArgumentException($"{path} is not a resource request.", nameof(pathAndQuery)),
        };
        if (parts.Length > at + 2 && parts[at] == "namespaces") at += 2;
        var resource = parts[at];
        var name = parts.Length > at + 1 ? parts[at + 1] : null;
        if (parts.Length > at + 2) resource += "/" + parts[at + 2];
        var verb = method.ToUpperInvariant() switch
        {
            "GET" or "HEAD" when name is null => query.Contains("watch=true", StringComparison.Ordinal) ? "watch" : "list",
            "GET" or "HEAD" => "get",
            "POST" => "create",
            "PUT" => "update",
            "PATCH" => "patch",
            "DELETE" when name is null => "deletecollection",
            "DELETE" => "delete",
            _ => throw new ArgumentException($"{method} is not a Kubernetes API method.", nameof(method)),
        };
        return new RbacRequest(group, resource, verb, name);
    }

    public override string ToString() => $"{Verb} {(Group.Length == 0 ? "" : Group + "/")}{Resource}{(Name is null ? "" : " " + Name)}";
}
