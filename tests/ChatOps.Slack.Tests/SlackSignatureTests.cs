using System.Text;
using ChatOps.Slack.Inbound;

namespace ChatOps.Slack.Tests;

public sealed class SlackSignatureTests
{
    // Slack's worked example (https://docs.slack.dev/authentication/verifying-requests-from-slack/).
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string Timestamp = "1531420618";
    private const string Signature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes(
        "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c");
    private static readonly DateTimeOffset Sent = DateTimeOffset.FromUnixTimeSeconds(1531420618);

    [Fact]
    public void Slacks_worked_example_computes_and_verifies()
    {
        Assert.Equal(Signature, SlackSignature.Compute(Secret, Timestamp, Body));
        Assert.True(SlackSignature.IsValid(Secret, Timestamp, Signature, Body, Sent.AddMinutes(4)));
    }

    [Theory]
    [InlineData("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b504")]
    [InlineData("v0=A2114D57B48EAC39B9AD189DD8316235A7B4A8D21A10BD27519666489C69B503")]
    [InlineData("v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("v0=a2114d57")]
    [InlineData("")]
    public void A_forged_or_missing_signature_is_refused(string signature) =>
        Assert.False(SlackSignature.IsValid(Secret, Timestamp, signature, Body, Sent));

    [Fact]
    public void A_changed_body_is_refused()
    {
        var changed = (byte[])Body.Clone();
        changed[^1] ^= 1;
        Assert.False(SlackSignature.IsValid(Secret, Timestamp, Signature, changed, Sent));
    }

    [Theory]
    [InlineData(301)]
    [InlineData(-301)]
    [InlineData(86_400)]
    public void A_timestamp_more_than_five_minutes_away_is_refused(int seconds) =>
        Assert.False(SlackSignature.IsValid(Secret, Timestamp, Signature, Body, Sent.AddSeconds(seconds)));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1531420618.5")]
    [InlineData("-1531420618")]
    [InlineData(" 1531420618")]
    public void A_missing_or_malformed_timestamp_is_refused(string? timestamp) =>
        Assert.False(SlackSignature.IsValid(Secret, timestamp, Signature, Body, Sent));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Without_a_secret_nothing_is_valid(string? secret) =>
        Assert.False(SlackSignature.IsValid(secret, Timestamp, SlackSignature.Compute("", Timestamp, Body), Body, Sent));
}
