using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace ChatOps.Slack.Inbound;

/// <summary>
/// Slack's v0 request signature: <c>v0=</c> + hex(HMAC-SHA256(secret, <c>v0:{timestamp}:{raw body}</c>))
/// (https://docs.slack.dev/authentication/verifying-requests-from-slack/).
/// </summary>
internal static class SlackSignature
{
    public const string SignatureHeader = "X-Slack-Signature";
    public const string TimestampHeader = "X-Slack-Request-Timestamp";

    /// <summary>How far a request's timestamp may be from now; older ones could be replays.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    private const string Version = "v0";

    // "v0=" and 64 hex digits.
    private const int Length = 3 + 2 * HMACSHA256.HashSizeInBytes;

    public static string Compute(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        Span<char> signature = stackalloc char[Length];
        Write(secret, timestamp, body, signature);
        return new string(signature);
    }

    /// <summary>
    /// True only for a present, well-formed, fresh and matching signature; with no secret nothing is valid.
    /// The comparison takes the same time wherever the strings differ.
    /// </summary>
    public static bool IsValid(string? secret, string? timestamp, string? signature, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(secret) || string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature)) return false;
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)) return false;
        if (Math.Abs(now.ToUnixTimeSeconds() - seconds) > (long)Window.TotalSeconds) return false;
        Span<char> expected = stackalloc char[Length];
        Write(secret, timestamp, body, expected);
        return CryptographicOperations.FixedTimeEquals(MemoryMarshal.AsBytes(expected), MemoryMarshal.AsBytes(signature.AsSpan()));
    }

    // The signed text is assembled in a pooled buffer and the signature written into the caller's span: a request
    // is verified without allocating.
    private static void Write(string secret, string timestamp, ReadOnlySpan<byte> body, Span<char> signature)
    {
        var prefix = Version.Length + 1 + Encoding.UTF8.GetByteCount(timestamp) + 1;
        var key = Encoding.UTF8.GetByteCount(secret);
        var buffer = ArrayPool<byte>.Shared.Rent(key + prefix + body.Length);
        try
        {
            var keyBytes = buffer.AsSpan(0, Encoding.UTF8.GetBytes(secret, buffer));
            var data = buffer.AsSpan(key, prefix + body.Length);
            var at = Encoding.UTF8.GetBytes(Version + ":", data);
            at += Encoding.UTF8.GetBytes(timestamp, data[at..]);
            data[at++] = (byte)':';
            body.CopyTo(data[at..]);
            Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
            HMACSHA256.HashData(keyBytes, data, hash);
            (Version + "=").CopyTo(signature);
            Convert.TryToHexStringLower(hash, signature[3..], out _);
        }
        finally
        {
            // The buffer held the signing secret.
            CryptographicOperations.ZeroMemory(buffer.AsSpan(0, key));
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
