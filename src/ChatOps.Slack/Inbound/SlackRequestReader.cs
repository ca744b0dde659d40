using System.Buffers;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.Slack.Inbound;

/// <summary>
/// Reads a request's raw body and verifies Slack's signature over it before anything is parsed. Fails closed:
/// no secret, no headers, a stale timestamp or a wrong signature all read as null.
/// </summary>
internal sealed partial class SlackRequestReader(IOptionsMonitor<SlackOptions> options, TimeProvider time, ILogger<SlackRequestReader> logger)
{
    /// <summary>Larger bodies are refused unread; Slack's payloads with a message's blocks stay well below.</summary>
    public const int MaxBody = 1024 * 1024;

    public async Task<string?> ReadVerifiedAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBody) return Refuse(request, "body too large");
        // A pooled buffer of the announced length (Slack sends one); a body without it grows the buffer as it comes.
        var buffer = ArrayPool<byte>.Shared.Rent(request.ContentLength is > 0 and var announced ? (int)announced + 1 : 4096);
        try
        {
            var length = 0;
            int read;
            while ((read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
            {
                length += read;
                if (length > MaxBody) return Refuse(request, "body too large");
                if (length == buffer.Length) buffer = Grow(buffer);
            }
            var body = buffer.AsSpan(0, length);
            var valid = SlackSignature.IsValid(
                options.CurrentValue.SigningSecret,
                request.Headers[SlackSignature.TimestampHeader].ToString(),
                request.Headers[SlackSignature.SignatureHeader].ToString(),
                body,
                time.GetUtcNow());
            return valid ? Encoding.UTF8.GetString(body) : Refuse(request, "signature missing, stale or wrong");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static byte[] Grow(byte[] buffer)
    {
        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
        buffer.CopyTo(larger, 0);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }

    private string? Refuse(HttpRequest request, string why)
    {
        LogRefused(request.Path, why);
        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a request to {Path}: {Why}")]
    private partial void LogRefused(string path, string why);
}
