using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ChatOps.LocalWorkspace;

/// <summary>
/// Signs a request as Slack does: <c>v0=</c> + hex(HMAC-SHA256(signing secret, <c>v0:{timestamp}:{raw body}</c>)) in
/// <c>X-Slack-Signature</c>, the Unix time in <c>X-Slack-Request-Timestamp</c>
/// (https://docs.slack.dev/authentication/verifying-requests-from-slack/). This is the sending side of Slack's
/// published protocol; the bot's adapter verifies it with its own code.
/// </summary>
internal static class SlackSigner
{
    public const string SignatureHeader = "X-Slack-Signature";
    public const string TimestampHeader = "X-Slack-Request-Timestamp";

    public static (string Timestamp, string Signature) Sign(string secret, string body, DateTimeOffset now)
    {
        var timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return (timestamp, Signature(secret, timestamp, body));
    }

    public static string Signature(string secret, string timestamp, string body)
    {
        var hash = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}"));
        return "v0=" + Convert.ToHexStringLower(hash);
    }
}
