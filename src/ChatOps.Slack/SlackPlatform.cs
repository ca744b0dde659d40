using System.Diagnostics.CodeAnalysis;
using ChatOps.Core.Access;
using ChatOps.Core.Incidents;

namespace ChatOps.Slack;

/// <summary>Slack's name among the core's platforms, and its people as the core knows them.</summary>
internal static class SlackPlatform
{
    public const string Name = "slack";

    public static PersonId Person(string userId) => new(Name, userId);

    /// <summary>A person from a user id as a request carries it; false for what no Slack user id can be (empty, spaces, markup).</summary>
    public static bool TryPerson(string? userId, [NotNullWhen(true)] out PersonId? person) =>
        PersonId.TryParse($"{Name}:{userId}", out person);
}
