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
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBody) return Refuse(request, "body too large");
            buffer.Write(chunk, 0, read);
        }
        var body = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        var valid = SlackSignature.IsValid(
            options.CurrentValue.SigningSecret,
            request.Headers[SlackSignature.TimestampHeader].ToString(),
            request.Headers[SlackSignature.SignatureHeader].ToString(),
            body,
            time.GetUtcNow());
        return valid ? Encoding.UTF8.GetString(body) : Refuse(request, "signature missing, stale or wrong");
    }

    private string? Refuse(HttpRequest request, string why)
    {
        LogRefused(request.Path, why);
        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a request to {Path}: {Why}")]
    private partial void LogRefused(string path, string why);
}
