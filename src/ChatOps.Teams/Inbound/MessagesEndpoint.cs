using System.Text.Json;
using ChatOps.Core.Inbound;
using ChatOps.Teams.Inbound.Wire;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChatOps.Teams.Inbound;

/// <summary>
/// <c>POST /api/messages</c>: the channel's token is checked before the body is read; then the activity must be for the
/// channel the signing key is endorsed for (else 403, as the Bot Framework's authentication page says) and for the
/// service URL the token was issued for (else 401). Only then does anything reach the core.
/// </summary>
internal sealed partial class MessagesEndpoint(ChannelTokenValidator validator, TeamsActivities activities, ILogger<MessagesEndpoint> logger)
{
    /// <summary>Larger bodies are refused unread; a Teams message (100 KB at most) with its HTML copy stays well below.</summary>
    public const int MaxBody = 512 * 1024;

    public async Task<IResult> HandleAsync(HttpContext http)
    {
        var cancellationToken = http.RequestAborted;
        ChannelToken? token;
        try
        {
            token = await validator.ValidateAsync(http.Request.Headers.Authorization.ToString(), cancellationToken);
        }
        catch (ChannelKeysUnavailableException e)
        {
            // Not a forgery: the channel's keys could not be read, so the channel should try again later.
            LogNoKeys(e);
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
        if (token is null) return Results.Unauthorized();

        var body = await BoundedBody.ReadAsync(http.Request.Body, http.Request.ContentLength, MaxBody, cancellationToken);
        if (body is null) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        TeamsActivity? activity;
        try
        {
            activity = JsonSerializer.Deserialize(body, InboundJsonContext.Default.TeamsActivity);
        }
        catch (JsonException)
        {
            return Results.BadRequest();
        }
        if (activity?.Type is null) return Results.BadRequest();

        if (!token.Endorses(activity.ChannelId))
        {
            LogNotEndorsed(activity.ChannelId ?? "(none)");
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }
        if (!token.IsFor(activity.ServiceUrl))
        {
            LogOtherServiceUrl();
            return Results.Unauthorized();
        }
        return await activities.AcceptAsync(activity, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Refused a Teams request as unavailable: the channel's signing keys could not be read")]
    private partial void LogNoKeys(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a Teams request: its signing key is not endorsed for channel {ChannelId}")]
    private partial void LogNotEndorsed(string channelId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a Teams request: its token was issued for another service URL")]
    private partial void LogOtherServiceUrl();
}
