using ChatOps.Core.Access;

namespace ChatOps.TestKit;

/// <summary>People for tests that need one without a conversation: Slack's, by the id a test gives them.</summary>
public static class TestPeople
{
    public static PersonId P(string user) => new("slack", user);
}
