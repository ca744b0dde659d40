using ChatOps.Slack.Inbound;
using CsCheck;

namespace ChatOps.Slack.Tests;

public sealed class SlackFormTests
{
    [Fact]
    public void Raw_values_as_in_slacks_own_example_are_read_as_they_are()
    {
        var form = SlackForm.Parse("token=gIkuvaNzQIHg97ATvDxqgjtO&team_id=T0001&enterprise_name=Globular%20Construct%20Inc&channel_id=C2147483705&user_id=U2147483697&command=/weather&text=94070&response_url=https://hooks.slack.com/commands/1234/5678&trigger_id=13345224609.738474920.8088930838d88f008e0");
        Assert.Equal("/weather", form["command"]);
        Assert.Equal("https://hooks.slack.com/commands/1234/5678", form["response_url"]);
        Assert.Equal("Globular Construct Inc", form["enterprise_name"]);
        Assert.Equal("94070", form["text"]);
    }

    [Fact]
    public void Percent_encoded_values_and_plus_signs_are_decoded()
    {
        var form = SlackForm.Parse("command=%2Fincident&text=note+disk%20at+95%25+%26+rising&response_url=https%3A%2F%2Fhooks.slack.com%2Fx");
        Assert.Equal("/incident", form["command"]);
        Assert.Equal("note disk at 95% & rising", form["text"]);
        Assert.Equal("https://hooks.slack.com/x", form["response_url"]);
    }

    [Fact]
    public void An_invalid_escape_is_kept_as_typed_and_empty_fields_read_as_empty()
    {
        var form = SlackForm.Parse("text=100%zz&empty=&bare&&");
        Assert.Equal("100%zz", form["text"]);
        Assert.Equal("", form["empty"]);
        Assert.Equal("", form["bare"]);
    }

    [Fact]
    public void Slacks_escaping_is_undone_and_the_bot_mention_is_stripped()
    {
        Assert.Equal("note a < b & c > d", SlackInboundText.ToCore("note a &lt; b &amp; c &gt; d"));
        Assert.Equal("note KV cache at 98%", SlackInboundText.AfterBotMention(SlackInboundText.ToCore("<@UBOT1> note KV cache at 98%"), "UBOT1"));
        Assert.Equal("lead <@slack:U2|bob>", SlackInboundText.AfterBotMention(SlackInboundText.ToCore("hey <@UBOT1|chatops> lead <@U2|bob>"), "UBOT1"));
        Assert.Equal("status", SlackInboundText.AfterBotMention(SlackInboundText.ToCore("<@UBOT1> status"), null));
        // Slack writes a raw '<' only for its own markup: a typed one arrives escaped and cannot pose as a mention.
        Assert.Equal("note <@UFAKE> & <@slack:U2>", SlackInboundText.ToCore("note &lt;@UFAKE&gt; &amp; <@U2>"));
    }

    [Fact]
    public void Parsing_answers_as_splitting_and_decoding_each_field_would()
    {
        var piece = Gen.OneOf<string>(Gen.OneOf("&", "=", "+", "%", "%2F", "%25", "%zz", "%E2%9C%93", "text", "user_id"), Gen.Char.AlphaNumeric.Array[1, 8].Select(c => new string(c)));
        piece.Array[0, 30].Select(string.Concat).Sample(body =>
        {
            var expected = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in body.Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                expected.TryAdd(Decode(equals < 0 ? pair : pair[..equals]), equals < 0 ? "" : Decode(pair[(equals + 1)..]));
            }
            Assert.Equal(expected, SlackForm.Parse(body));
        }, iter: 3000);

        static string Decode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));
    }
}
