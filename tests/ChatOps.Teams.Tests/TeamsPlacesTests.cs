using ChatOps.Teams.Inbound;
using ChatOps.Teams.Inbound.Wire;

namespace ChatOps.Teams.Tests;

public sealed class TeamsPlacesTests
{
    private const string Channel = "19:abc@thread.tacv2";

    private static TeamsActivity In(string conversationId, string type, string? channelId = null) => new(
        Type: "message", ServiceUrl: "https://smba.trafficmanager.net/emea/",
        Conversation: new ConversationAccount(conversationId, type, "tenant-1"),
        Recipient: new ChannelAccount("28:bot"),
        ChannelData: channelId is null ? null : new TeamsChannelData(Channel: new TeamsReference(channelId)));

    [Fact]
    public void A_reply_chain_is_the_thread_of_its_channel()
    {
        var place = TeamsPlaces.Of(In(Channel + ";messageid=1759881511856", "channel", Channel))!;
        Assert.Equal(("teams", Channel, "1759881511856"), (place.Platform, place.Channel, place.Thread));
        Assert.True(TeamsAddress.TryParse(place.Address, out var address));
        Assert.Equal(new TeamsAddress("https://smba.trafficmanager.net/emea/", Channel, "tenant-1", "channel", "28:bot"), address);
    }

    [Fact]
    public void A_channel_root_post_has_no_thread_unless_a_card_on_it_was_clicked()
    {
        Assert.Null(TeamsPlaces.Of(In(Channel, "channel", Channel))!.Thread);
        Assert.Equal("1759881600000", TeamsPlaces.Of(In(Channel, "channel", Channel), clickedMessageId: "1759881600000")!.Thread);
    }

    [Fact]
    public void A_personal_chat_is_its_conversation_without_threads()
    {
        var place = TeamsPlaces.Of(In("a:1personal", "personal"), clickedMessageId: "1759881600000")!;
        Assert.Equal(("a:1personal", (string?)null), (place.Channel, place.Thread));
    }

    [Fact]
    public void The_address_json_is_small_and_stable() =>
        Assert.Equal("""{"serviceUrl":"https://s/","conversationId":"19:c","tenantId":"t","conversationType":"channel","botId":"28:b"}""",
            new TeamsAddress("https://s/", "19:c", "t", "channel", "28:b").Serialize());
}
