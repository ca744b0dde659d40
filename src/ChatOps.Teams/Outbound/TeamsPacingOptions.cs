namespace ChatOps.Teams.Outbound;

/// <summary>Configuration section <c>Teams</c>: how fast the bot sends into one conversation.</summary>
public sealed class TeamsPacingOptions
{
    public const string SectionName = "Teams";

    /// <summary>
    /// Posts a conversation may take at once, then one per <see cref="PostInterval"/>. Teams allows a bot 7 sends per
    /// second, 8 per 2 s, 60 per 30 s and 1,800 per hour in one conversation
    /// (https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/rate-limit): a burst of 7 and then one
    /// every 2 s keeps within each of them.
    /// </summary>
    public int PostBurst { get; set; } = 7;

    public TimeSpan PostInterval { get; set; } = TimeSpan.FromSeconds(2);
}
