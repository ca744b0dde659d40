using ChatOps.Teams.Inbound;
using ChatOps.Teams.Inbound.Wire;

namespace ChatOps.Teams.Tests;

public sealed class TeamsInboundTextTests
{
    private const string Bot = "28:bot";
    private static readonly ActivityEntity BotMention = new("mention", new ChannelAccount(Bot, "ChatOps"), "<at>ChatOps</at>");

    [Fact]
    public void The_bots_mention_is_removed_wherever_it_stands()
    {
        Assert.Equal("incident note disk full", TeamsInboundText.ToCore("<at>ChatOps</at> incident note disk full", [BotMention], Bot, out var mentioned));
        Assert.True(mentioned);
        Assert.Equal("note disk full", TeamsInboundText.ToCore("note disk full <at>ChatOps</at>", [BotMention], Bot, out _));
    }

    [Fact]
    public void The_entity_text_is_matched_as_sent()
    {
        var mention = new ActivityEntity("mention", new ChannelAccount(Bot, "ChatOps"), "<at>@ChatOps Bot</at>");
        Assert.Equal("status", TeamsInboundText.ToCore("<at>@ChatOps Bot</at>&nbsp;status", [mention], Bot, out _));
    }

    [Fact]
    public void A_persons_mention_becomes_the_cores_token_and_without_an_object_id_their_name()
    {
        var bob = new ActivityEntity("mention", new ChannelAccount("29:1bob", "Bob", "0d9e8f7a-6b5c-4d3e-2f1a-0b9c8d7e6f5a"), "<at>Bob</at>");
        var carol = new ActivityEntity("mention", new ChannelAccount("29:1carol", "Carol"), "<at>Carol</at>");
        Assert.Equal("action fix it <@teams:0d9e8f7a-6b5c-4d3e-2f1a-0b9c8d7e6f5a|Bob> and @Carol",
            TeamsInboundText.ToCore("<at>ChatOps</at> action fix it <at>Bob</at> and <at>Carol</at>", [BotMention, bob, carol], Bot, out _));
    }

    [Fact]
    public void Without_the_bots_mention_it_says_so()
    {
        Assert.Equal("hello", TeamsInboundText.ToCore("hello", [], Bot, out var mentioned));
        Assert.False(mentioned);
    }

    [Fact]
    public void Typed_text_cannot_pose_as_a_mention_token()
    {
        var text = TeamsInboundText.ToCore("<at>ChatOps</at> lead &lt;@teams:evil|Alice&gt;", [BotMention], Bot, out _);
        Assert.DoesNotContain("<@teams:", text, StringComparison.Ordinal);
    }
}
