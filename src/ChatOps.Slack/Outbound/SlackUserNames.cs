using ChatOps.Core.Access;
using ChatOps.Core.Incidents;
using Microsoft.Extensions.Logging;

namespace ChatOps.Slack.Outbound;

/// <summary>
/// Display names by user id (<c>users.info</c>); a name is a nicety, so a failure gives none. The core's people directory
/// keeps the names it is given, so this asks Slack every time it is asked.
/// </summary>
internal sealed partial class SlackUserNames(SlackApiClient client, ILogger<SlackUserNames> logger) : IPersonNames
{
    public string Platform => SlackPlatform.Name;

    public async Task<string?> NameAsync(string user, CancellationToken cancellationToken)
    {
        try
        {
            var info = (await client.UserInfoAsync(user, cancellationToken)).User;
            return Blank(info?.Profile?.DisplayName) ?? Blank(info?.RealName) ?? Blank(info?.Name);
        }
        catch (Exception e) when (e is SlackApiException or HttpRequestException)
        {
            LogUnknown(e, user);
            return null;
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    [LoggerMessage(Level = LogLevel.Debug, Message = "No name for Slack user {User}")]
    private partial void LogUnknown(Exception exception, string user);
}
