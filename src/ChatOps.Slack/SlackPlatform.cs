using ChatOps.Core.Access;
using ChatOps.Core.Incidents;

namespace ChatOps.Slack;

/// <summary>Slack's name among the core's platforms, and its people as the core knows them.</summary>
internal static class SlackPlatform
{
    public const string Name = "slack";

    public static PersonId Person(string userId) => new(Name, userId);
}
