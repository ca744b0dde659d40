using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ChatOps.Slack.Outbound;

/// <summary>Display names by user id (<c>users.info</c>), cached for the process; a name is a nicety, so a failure gives none.</summary>
internal sealed partial class SlackUserNames(SlackApiClient client, ILogger<SlackUserNames> logger)
{
    private readonly ConcurrentDictionary<string, string?> _names = new(StringComparer.Ordinal);

    public async Task<string?> NameAsync(string userId, CancellationToken cancellationToken)
    {
        if (_names.TryGetValue(userId, out var known)) return known;
        try
        {
            var user = (await client.UserInfoAsync(userId, cancellationToken)).User;
            var name = Blank(user?.Profile?.DisplayName) ?? Blank(user?.RealName) ?? Blank(user?.Name);
            _names[userId] = name;
            return name;
        }
        catch (Exception e) when (e is SlackApiException or HttpRequestException)
        {
            LogUnknown(e, userId);
            return null;
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    [LoggerMessage(Level = LogLevel.Debug, Message = "No name for Slack user {User}")]
    private partial void LogUnknown(Exception exception, string user);
}
