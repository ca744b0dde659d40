using System.Text;
using ChatOps.Core.Safety;

namespace ChatOps.Core.Tests.Safety;

/// <summary>
/// Long text goes through every rule without being withheld: the redactor withholds text only when a rule runs past its
/// timeout, which a rule that rescans the text from many starting points would do on these inputs.
/// </summary>
public sealed class SecretRedactorScaleTests
{
    private const int Size = 100 * 1024;

    [Fact]
    public void A_hundred_kilobytes_of_ordinary_incident_text_come_back_unchanged()
    {
        var text = Repeat(string.Join('\n', RedactionCorpus.Ordinary) + "\n");

        Assert.Equal(text, SecretRedactor.RedactAllRules(text));
    }

    // Each piece, repeated, keeps some rule looking for the rest of its match at every repetition.
    [Theory]
    [InlineData("a-")]
    [InlineData("a-password-")]
    [InlineData("x_token_")]
    [InlineData("sk-")]
    [InlineData("http://x:")]
    [InlineData("Bearer aaaaaaaa")]
    [InlineData("-----BEGIN PRIVATE KEY-----\n(cut)\n")]
    [InlineData("""{"password":"x","a":1},""")]
    [InlineData("AKIAIOSFODNN7EXAMPLE ")]
    [InlineData("QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo/YWJjZGVm+")]
    [InlineData("mysql -u root ")]
    [InlineData("redis-cli -h redis-0 ")]
    [InlineData("curl -u")]
    [InlineData("--db-password-")]
    public void A_hundred_kilobytes_of_one_repeated_piece_are_checked_not_withheld(string piece)
    {
        var redacted = SecretRedactor.RedactAllRules(Repeat(piece));

        Assert.DoesNotContain("output withheld", redacted, StringComparison.Ordinal);
    }

    private static string Repeat(string piece)
    {
        var text = new StringBuilder(Size + piece.Length);
        while (text.Length < Size) text.Append(piece);
        return text.ToString();
    }
}
