using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ChatOps.TestKit.Teams;

/// <summary>
/// Get Conversation Member (<c>GET /v3/conversations/{id}/members/{memberId}</c>): a member known by their Teams user id
/// or AAD object id, answered in the shape Teams documents for a user (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/get-teams-context:
/// <c>objectId</c>, <c>givenName</c>, <c>surname</c>, no <c>name</c>); anyone else is 404 <c>MemberNotFoundInConversation</c>.
/// </summary>
public sealed partial class FakeBotFramework
{
    private readonly ConcurrentDictionary<string, Member> _members = new(StringComparer.Ordinal);

    /// <summary>A person Teams knows in every conversation, by <paramref name="teamsId"/> (<c>29:…</c>) and by AAD object id.</summary>
    public void AddMember(string teamsId, string aadObjectId, string givenName, string surname)
    {
        var member = new Member(teamsId, aadObjectId, givenName, surname);
        _members[teamsId] = member;
        _members[aadObjectId] = member;
    }

    private IResult MemberAsync(string memberId, HttpContext context)
    {
        var target = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        if (!context.Request.Headers.Authorization.ToString().StartsWith("Bearer fake-token-", StringComparison.Ordinal))
        {
            Record(new Call("GET", target, null, 401));
            return Results.Json(new { error = new { code = "Unauthorized", message = "Authorization has been denied for this request." } }, statusCode: 401);
        }
        if (!_members.TryGetValue(memberId, out var member))
        {
            Record(new Call("GET", target, null, 404));
            return Results.Json(new { error = new { code = "MemberNotFoundInConversation", message = "The member was not found in the conversation." } }, statusCode: 404);
        }
        Record(new Call("GET", target, null, 200));
        return Results.Json(new
        {
            id = member.TeamsId,
            objectId = member.AadObjectId,
            givenName = member.GivenName,
            surname = member.Surname,
            email = $"{member.GivenName}.{member.Surname}@contoso.example",
            userPrincipalName = $"{member.GivenName.ToLowerInvariant()}@contoso.example",
            tenantId = _credentials.Tenant,
            userRole = "user",
        });
    }

    private sealed record Member(string TeamsId, string AadObjectId, string GivenName, string Surname);
}
