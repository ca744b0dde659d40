using ChatOps.Slack.BlockKit;

namespace ChatOps.Slack.Tests;

public sealed class MrkdwnTests
{
    [Theory]
    [InlineData("<!channel> wake up", "&lt;!channel&gt; wake up")]
    [InlineData("<!here>", "&lt;!here&gt;")]
    [InlineData("<!everyone>", "&lt;!everyone&gt;")]
    [InlineData("<!subteam^S0123|@oncall>", "&lt;!subteam^S0123|@oncall&gt;")]
    [InlineData("<https://evil.example/x|the dashboard>", "&lt;https://evil.example/x|the dashboard&gt;")]
    [InlineData("<#C0123|general>", "&lt;#C0123|general&gt;")]
    [InlineData("<@here>", "&lt;@here&gt;")]
    [InlineData("<@U123 >", "&lt;@U123 &gt;")]
    [InlineData("a & b < c > d", "a &amp; b &lt; c &gt; d")]
    [InlineData("&lt; already", "&amp;lt; already")]
    public void Control_characters_are_escaped_so_no_ping_group_or_hidden_link_survives(string raw, string escaped) =>
        Assert.Equal(escaped, Mrkdwn.Escape(raw));

    [Theory]
    [InlineData("by <@U0ALICE001>", "by <@U0ALICE001>")]
    [InlineData("by <@W012ABC|alice>", "by <@W012ABC>")]
    [InlineData("<@U1X><@U2Y> & <!here>", "<@U1X><@U2Y> &amp; &lt;!here&gt;")]
    public void The_cores_user_mentions_are_kept(string raw, string escaped) =>
        Assert.Equal(escaped, Mrkdwn.Escape(raw));

    [Fact]
    public void A_budget_never_splits_an_entity_a_mention_or_a_surrogate_pair()
    {
        Assert.Equal("ab", Mrkdwn.Escape("ab&c", 6, out var omitted));
        Assert.Equal(2, omitted);
        Assert.Equal("a", Mrkdwn.Escape("a<@U0ALICE001>", 10, out _));
        Assert.Equal("x", Mrkdwn.Escape("x😀", 2, out omitted));
        Assert.Equal(2, omitted);
    }
}
