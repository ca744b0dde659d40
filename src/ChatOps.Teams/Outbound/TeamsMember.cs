using System.Text.Json.Nodes;
using static ChatOps.Teams.ServiceJson;

namespace ChatOps.Teams.Outbound;

/// <summary>
/// A conversation member as the Connector describes one: the Teams user id, the AAD object id (<c>objectId</c> in
/// Teams' answer, <c>aadObjectId</c> in the Bot Framework's schema) and a display name.
/// </summary>
internal sealed record TeamsMember(string Id, string? AadObjectId, string? Name)
{
    public static TeamsMember? Read(JsonNode? answer)
    {
        if (Text(answer, "id") is not { } id) return null;
        var name = Text(answer, "name") ?? $"{Text(answer, "givenName")} {Text(answer, "surname")}".Trim();
        return new TeamsMember(id, Text(answer, "aadObjectId") ?? Text(answer, "objectId"), name.Length == 0 ? null : name);
    }
}
