using ChatOps.Core.Incidents;

namespace ChatOps.Core.Access;

/// <summary>Who did something: a person and, where known, their display name.</summary>
public sealed record Actor(PersonId Id, string? Name = null)
{
    public static Actor System { get; } = new(new PersonId(PersonId.BotPlatform, "bot"), "ChatOps");
}
