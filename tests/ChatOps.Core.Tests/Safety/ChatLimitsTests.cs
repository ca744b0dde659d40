using ChatOps.Core.Safety;

namespace ChatOps.Core.Tests.Safety;

public sealed class ChatLimitsTests
{
    [Fact]
    public void Short_text_is_unchanged()
    {
        Assert.Equal("a\nb", ChatLimits.Truncate("a\nb", 100, 5));
    }

    [Fact]
    public void Too_many_lines_are_cut_with_a_line_saying_how_much()
    {
        var text = string.Join('\n', Enumerable.Range(1, 100).Select(i => $"line {i}"));

        var cut = ChatLimits.Truncate(text, 10_000, 10);

        var lines = cut.Split('\n');
        Assert.Equal(10, lines.Length);
        Assert.Equal("line 9", lines[8]);
        Assert.Equal($"… cut {text.Length - string.Join('\n', lines[..9]).Length:N0} characters (91 lines)", lines[9]);
    }

    [Fact]
    public void Too_many_characters_are_cut_at_a_line_end_within_the_limit()
    {
        var text = string.Join('\n', Enumerable.Repeat(new string('x', 99), 100));

        var cut = ChatLimits.Truncate(text, 1000);

        Assert.True(cut.Length <= 1000, $"{cut.Length} characters");
        Assert.All(cut.Split('\n')[..^1], l => Assert.Equal(99, l.Length));
        Assert.EndsWith("lines)", cut, StringComparison.Ordinal);
    }

    [Fact]
    public void One_long_line_keeps_its_start()
    {
        var cut = ChatLimits.Truncate(new string('y', 5000), 500);

        Assert.StartsWith(new string('y', 400), cut, StringComparison.Ordinal);
        Assert.True(cut.Length <= 500);
        Assert.EndsWith("(1 line)", cut, StringComparison.Ordinal);
    }

    [Fact]
    public void Keeping_the_end_keeps_the_newest_lines_and_says_so_first()
    {
        var text = string.Join('\n', Enumerable.Range(1, 100).Select(i => $"line {i}"));

        var lines = ChatLimits.Truncate(text, 10_000, 10, keepEnd: true).Split('\n');

        Assert.Equal(10, lines.Length);
        Assert.StartsWith("… cut ", lines[0], StringComparison.Ordinal);
        Assert.EndsWith("(91 lines)", lines[0], StringComparison.Ordinal);
        Assert.Equal(["line 92", "line 100"], new[] { lines[1], lines[^1] });
    }

    [Fact]
    public void A_line_is_cut_with_an_ellipsis()
    {
        Assert.Equal("abcd…", ChatLimits.Line("abcdefgh", 5));
        Assert.Equal("abc", ChatLimits.Line("abc", 5));
    }
}
