using System.Collections.Concurrent;
using ChatOps.Core.Access;
using ChatOps.Core.Incidents;
using Microsoft.Extensions.Logging;

namespace ChatOps.Slack.Outbound;

/// <summary>Display names by user id (<c>users.info</c>), cached for the process; a name is a nicety, so a failure gives none.</summary>
internal sealed partial class SlackUserNames(SlackApiClient client, ILogger<SlackUserNames> logger) : IPersonNames
{
    public string Platform => SlackPlatform.Name;

    private readonly ConcurrentDictionary<string, string?> _names = new(StringComparer.Ordinal);

    public async Task<string?> NameAsync(string user, CancellationToken cancellationToken)
    {
        if (_names.TryGetValue(user, out var known)) return known;
        try
        {
            var info = (await client.UserInfoAsync(user, cancellationToken)).User;
            var name = Blank(info?.Profile?.DisplayName) ?? Blank(info?.RealName) ?? Blank(info?.Name);
            _names[user] = name;
            return name;
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
