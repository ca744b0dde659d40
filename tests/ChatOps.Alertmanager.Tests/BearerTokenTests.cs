namespace ChatOps.Alertmanager.Tests;

public sealed class BearerTokenTests
{
    private const string Token = "9f8e7d6c5b4a39281706f5e4d3c2b1a0";

    [Theory]
    [InlineData("Bearer " + Token, true)]
    [InlineData("bearer " + Token, true)]
    [InlineData("Bearer " + Token + "0", false)]
    [InlineData("Bearer " + "9f8e7d6c5b4a39281706f5e4d3c2b1a", false)]
    [InlineData("Basic " + Token, false)]
    [InlineData(Token, false)]
    [InlineData("Bearer", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_the_configured_token_as_a_bearer_token_matches(string? authorization, bool matches) =>
        Assert.Equal(matches, BearerToken.Matches(authorization, Token));

    [Fact]
    public void Nothing_matches_when_no_token_is_configured()
    {
        Assert.False(BearerToken.Matches("Bearer ", ""));
        Assert.False(BearerToken.Matches("Bearer x", null));
    }
}
