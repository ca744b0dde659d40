using Microsoft.AspNetCore.Http;

using ChatOps.TestKit.Servers;

namespace ChatOps.Targets.Tests.Fixtures;

/// <summary>
/// A rule a test sets on the fake API server: requests of <see cref="Method"/> whose path ends with
/// <see cref="PathEnd"/> get <see cref="Code"/> (with <c>dryRun=All</c> too, unless <see cref="DryRunToo"/> is false),
/// or, with <see cref="After"/>, are served and then changed behind the caller's back.
/// </summary>
public sealed record ApiFault(string Method, string PathEnd, int Code, string Message, bool DryRunToo, Action<FakeWorkloads>? After = null)
{
    public bool Matches(HttpRequest request) =>
        HttpMethods.Equals(request.Method, Method)
        && request.Path.Value?.EndsWith(PathEnd, StringComparison.Ordinal) == true
        && (DryRunToo || request.Query["dryRun"] != "All");
}
