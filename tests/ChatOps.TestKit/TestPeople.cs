using ChatOps.Core.Access;
using ChatOps.Core.Incidents;

namespace ChatOps.TestKit;

/// <summary>People for tests that need one without a conversation: Slack's, by the id a test gives them.</summary>
public static class TestPeople
{
    public static PersonId P(string user) => new("slack", user);
}
