using ChatOps.Core.Mitigations;
using ChatOps.Targets.Mitigations;

namespace ChatOps.Targets.Tests.Mitigations;

public sealed class BlockSubjectTests
{
    [Theory]
    [InlineData("user-42", "user-42")]
    [InlineData(" alice@example.com ", "alice@example.com")]
    [InlineData("svc_batch.7", "svc_batch.7")]
    [InlineData("12345", "12345")]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("0.0.0.0", "0.0.0.0")]
    [InlineData("2001:DB8:0:0:0:0:0:1", "2001:db8::1")]
    [InlineData("::ffff:203.0.113.7", "::ffff:203.0.113.7")]
    public void Users_and_addresses_are_accepted_in_one_canonical_form(string subject, string expected) =>
        Assert.Equal(expected, BlockSubject.Normalize(subject));

    [Theory]
    [InlineData(null, "say whom to block: a user id or an IP address")]
    [InlineData("  ", "say whom to block: a user id or an IP address")]
    [InlineData("203.0.113.256", "'203.0.113.256' is not a valid IPv4 address")]
    [InlineData("010.0.0.1", "'010.0.0.1' is not a valid IPv4 address")]
    [InlineData("1.2", "'1.2' is not a valid IPv4 address")]
    [InlineData("fe80::1%eth0", "'fe80::1%eth0' is not a valid IPv6 address")]
    [InlineData("user:42", "'user:42' is not a valid IPv6 address")]
    [InlineData("user*", "'user*' is neither an IP address nor a user id (letters, digits and . _ @ -, at most 128)")]
    [InlineData("bob smith", "'bob smith' is neither an IP address nor a user id (letters, digits and . _ @ -, at most 128)")]
    [InlineData("-rf", "'-rf' is neither an IP address nor a user id (letters, digits and . _ @ -, at most 128)")]
    [InlineData("ünïcode", "'ünïcode' is neither an IP address nor a user id (letters, digits and . _ @ -, at most 128)")]
    public void Anything_else_is_refused_with_the_reason(string? subject, string reason) =>
        Assert.Equal(reason, Assert.Throws<MitigationFailedException>(() => BlockSubject.Normalize(subject)).Message);

    [Fact]
    public void A_long_user_id_is_refused_and_cut_in_the_message()
    {
        var failure = Assert.Throws<MitigationFailedException>(() => BlockSubject.Normalize(new string('a', 129)));

        Assert.StartsWith($"'{new string('a', 40)}…' is neither", failure.Message, StringComparison.Ordinal);
    }
}
