using ChatOps.Core.Inbound;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.Alertmanager;

/// <summary>
/// <c>POST /alerts/alertmanager</c>: a notification is taken once its bearer token matches and the whole message reads
/// (401 and 400 change nothing), and acknowledged only once the pipeline has stored it. Alertmanager retries a 5xx and
/// never a 4xx (https://github.com/prometheus/alertmanager/blob/main/notify/webhook/webhook.go), so a store that cannot
/// take it now answers 503 and the notification comes again.
/// </summary>
internal sealed partial class WebhookEndpoint(InboundPipeline pipeline, IOptionsMonitor<AlertmanagerOptions> options, ILogger<WebhookEndpoint> logger)
{
    /// <summary>Larger bodies are refused unread; set <c>max_alerts</c> on the webhook to keep a large group under it.</summary>
    public const int MaxBody = 4 * 1024 * 1024;

    public async Task<IResult> HandleAsync(HttpContext http)
    {
        var request = http.Request;
        if (!BearerToken.Matches(request.Headers.Authorization.ToString(), options.CurrentValue.WebhookToken))
        {
            LogRefused(http.Connection.RemoteIpAddress?.ToString());
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return Results.Unauthorized();
        }
        var body = await BoundedBody.ReadAsync(request.Body, request.ContentLength, MaxBody, http.RequestAborted);
        if (body is null)
            return Results.Text($"The body is larger than {MaxBody} bytes; set max_alerts on the webhook.", statusCode: StatusCodes.Status413PayloadTooLarge);

        var (notification, error) = WebhookReader.Read(body);
        if (notification is null)
        {
            LogMalformed(error!);
            return Results.Text(error, statusCode: StatusCodes.Status400BadRequest);
        }
        var answer = await pipeline.AcceptAsync(notification, http.RequestAborted);
        return answer.Outcome == InboundOutcome.Unavailable
            ? Results.Text("ChatOps could not store this notification just now; send it again.", statusCode: StatusCodes.Status503ServiceUnavailable)
            : Results.Ok();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an Alertmanager notification from {Remote}: bearer token missing or wrong")]
    private partial void LogRefused(string? remote);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a malformed Alertmanager notification: {Error}")]
    private partial void LogMalformed(string error);
}
