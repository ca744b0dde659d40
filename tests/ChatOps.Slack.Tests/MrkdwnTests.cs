using System.Text;
using System.Text.RegularExpressions;
using ChatOps.Slack.BlockKit;
using CsCheck;

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
    [InlineData("by <@slack:U0ALICE001>", "by <@U0ALICE001>")]
    [InlineData("by <@slack:W012ABC|alice>", "by <@W012ABC>")]
    [InlineData("by <@teams:29:1abc|Alice &amp; Co>", "by @Alice &amp;amp; Co")]
    [InlineData("by <@teams:29:1abc>", "by @someone")]
    [InlineData("by <@U0ALICE001>", "by &lt;@U0ALICE001&gt;")]
    [InlineData("<@slack:U1X><@slack:U2Y> & <!here>", "<@U1X><@U2Y> &amp; &lt;!here&gt;")]
    public void The_cores_user_mentions_are_kept(string raw, string escaped) =>
        Assert.Equal(escaped, Mrkdwn.Escape(raw));

    [Fact]
    public void A_budget_never_splits_an_entity_a_mention_or_a_surrogate_pair()
    {
        Assert.Equal("ab", Mrkdwn.Escape("ab&c", 6, out var omitted));
        Assert.Equal(2, omitted);
        Assert.Equal("a", Mrkdwn.Escape("a<@slack:U0ALICE001>", 10, out _));
        Assert.Equal("x", Mrkdwn.Escape("x😀", 2, out omitted));
        Assert.Equal(2, omitted);
    }

    [Fact]
    public void A_lone_high_surrogate_does_not_carry_the_next_character_past_escaping() =>
        Assert.Equal("\uD83D&lt;!channel&gt;", Mrkdwn.Escape("\uD83D<!channel>"));

    [Fact]
    public void Escaping_in_runs_answers_as_escaping_one_character_at_a_time()
    {
        var piece = Gen.OneOf<string>(
            Gen.OneOf("<", ">", "&", "<@slack:U0ALICE001>", "<@slack:W012ABC|alice>", "<!here>", "😀", "\n", " "),
            Gen.Char.AlphaNumeric.Array[1, 30].Select(c => new string(c)));
        Gen.Select(piece.Array[0, 40].Select(string.Concat), Gen.Int[0, 400]).Sample((raw, budget) =>
        {
            Assert.Equal(OneAtATime(raw, int.MaxValue, out _), Mrkdwn.Escape(raw));
            Assert.Equal(OneAtATime(raw, budget, out var expectedOmitted), Mrkdwn.Escape(raw, budget, out var omitted));
            Assert.Equal(expectedOmitted, omitted);
        }, iter: 3000);
    }

    private static readonly Regex Mention = new(@"\G<@slack:([UW][A-Z0-9]{2,40})(?:\|[^<>|]{0,128})?>", RegexOptions.CultureInvariant);

    // The plain definition: each unit (a kept mention, an escaped control character, a character or a surrogate pair) in turn, until one does not fit.
    private static string OneAtATime(string raw, int budget, out int omitted)
    {
        var builder = new StringBuilder();
        var i = 0;
        while (i < raw.Length)
        {
            var match = raw[i] == '<' ? Mention.Match(raw, i) : null;
            var consumed = match is { Success: true } ? match.Length : i + 1 < raw.Length && char.IsSurrogatePair(raw[i], raw[i + 1]) ? 2 : 1;
            var unit = match is { Success: true } ? $"<@{match.Groups[1].Value}>"
                : raw[i] switch { '&' => "&amp;", '<' => "&lt;", '>' => "&gt;", _ => raw.Substring(i, consumed) };
            if (builder.Length + unit.Length > budget) break;
            builder.Append(unit);
            i += consumed;
        }
        omitted = raw.Length - i;
        return builder.ToString();
    }
}
