using ChatOps.Core.Access;
using ChatOps.Core.Messages;

namespace ChatOps.Core.Tests.Messages;

public sealed class MentionTests
{
    private static readonly PersonId Alice = new("slack", "U0ALICE001");

    [Fact]
    public void A_person_is_written_as_the_cores_own_token_with_their_name()
    {
        Assert.Equal("<@slack:U0ALICE001>", Mention.Of(Alice));
        Assert.Equal("<@slack:U0ALICE001|Alice Example>", Mention.Of(new Actor(Alice, "Alice Example")));
        // A name cannot close the token early or open another.
        Assert.Equal("<@slack:U0ALICE001|Alice x y>", Mention.Of(Alice, "Alice <x> |y"));
    }

    [Fact]
    public void The_bot_is_written_by_name_never_as_a_mention() =>
        Assert.Equal("ChatOps", Mention.Of(Actor.System));

    [Theory]
    [InlineData("<@slack:U1>", "slack:U1", null)]
    [InlineData("<@teams:29:1abc-def|Bob>", "teams:29:1abc-def", "Bob")]
    public void A_whole_token_reads_back_as_its_person(string token, string person, string? label)
    {
        Assert.True(Mention.TryParse(token, out var parsed, out var name));
        Assert.Equal(PersonId.Parse(person), parsed);
        Assert.Equal(label, name);
    }

    [Theory]
    [InlineData("<@U1>")]
    [InlineData("<@slack:>")]
    [InlineData("<@Slack:U1>")]
    [InlineData("<@slack:U 1>")]
    [InlineData("@bob")]
    public void Anything_else_is_not_a_person(string token) => Assert.False(Mention.TryParse(token, out _, out _));

    [Fact]
    public void Documents_read_mentions_as_names()
    {
        var text = "handed to <@slack:U2|Bob> and <@teams:abc>";
        Assert.Equal("handed to @Bobby and @abc", Mention.Readable(text, p => p.User == "U2" ? "Bobby" : null));
        Assert.Equal([PersonId.Parse("slack:U2"), PersonId.Parse("teams:abc")], Mention.People(text).Select(p => p.Person));
    }

    [Fact]
    public void A_slack_id_and_a_teams_id_never_collide()
    {
        Assert.NotEqual(new PersonId("slack", "U123"), new PersonId("teams", "U123"));
        Assert.Equal("teams:29:1abc", new PersonId("teams", "29:1abc").ToString());
        Assert.Equal(new PersonId("teams", "29:1abc"), PersonId.Parse("teams:29:1abc"));
        Assert.False(PersonId.TryParse("U123", out _));
    }
}
