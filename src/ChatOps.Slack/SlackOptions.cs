using System.ComponentModel.DataAnnotations;

namespace ChatOps.Slack;

/// <summary>
/// Configuration section <c>Slack</c>. Slack's own names are read too: <c>SLACK_BOT_TOKEN</c>,
/// <c>SLACK_SIGNING_SECRET</c>, <c>SLACK_API_URL</c>, <c>SLACK_APP_TOKEN</c>. With an app token Slack's requests arrive
/// over Socket Mode as well.
/// </summary>
public sealed class SlackOptions
{
    public const string SectionName = "Slack";

    /// <summary>Slack's Web API, where the bot's calls go unless <see cref="ApiUrl"/> says otherwise.</summary>
    public const string DefaultApiUrl = "https://slack.com/api/";

    /// <summary>The bot token (<c>xoxb-…</c>); without one the bot cannot post, and Slack answers <c>not_authed</c>.</summary>
    public string? BotToken { get; set; }

    /// <summary>The app's signing secret; without one every inbound request is refused.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>
    /// The app-level token (<c>xapp-…</c>, scope <c>connections:write</c>). When set, Slack's requests arrive over Socket
    /// Mode WebSockets the bot opens itself, so it needs no public URL.
    /// </summary>
    public string? AppToken { get; set; }

    /// <summary>
    /// Socket Mode connections kept open at once. Slack spreads deliveries over them, so while one is being replaced
    /// the others still receive; it allows about 10 per app.
    /// </summary>
    [Range(1, 10, ErrorMessage = "Slack:SocketModeConnections must be between {1} and {2}.")]
    public int SocketModeConnections { get; set; } = 2;

    /// <summary>The Web API base, ending in <c>/</c>; default <see cref="DefaultApiUrl"/>.</summary>
    public string? ApiUrl { get; set; }

    /// <summary>Slack user group ids (<c>S…</c>) whose members hold the manager role.</summary>
    public IList<string> ManagerGroups { get; } = [];

    /// <summary>Slack user group ids (<c>S…</c>) whose members may approve mitigations.</summary>
    public IList<string> ApproverGroups { get; } = [];

    /// <summary>How long a user group's members are trusted before they are read again: short, so a removal soon takes the role away.</summary>
    public TimeSpan GroupCacheDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Time between posts to one channel once the burst is spent: Slack allows about one message per second per channel.</summary>
    public TimeSpan PostInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Posts to one channel that may go out back to back before pacing starts.</summary>
    [Range(1, 100, ErrorMessage = "Slack:PostBurst must be between {1} and {2}.")]
    public int PostBurst { get; set; } = 3;

    /// <summary>
    /// Time between message updates in the whole workspace once their burst is spent: <c>chat.update</c> is a Tier 3
    /// method, about 50 calls a minute per workspace.
    /// </summary>
    public TimeSpan UpdateInterval { get; set; } = TimeSpan.FromSeconds(1.2);

    /// <summary>Updates in the workspace that may go out back to back before their pacing starts (Tier 3 allows short bursts).</summary>
    [Range(1, 100, ErrorMessage = "Slack:UpdateBurst must be between {1} and {2}.")]
    public int UpdateBurst { get; set; } = 10;

    /// <summary>True when an app token is configured: the Socket Mode worker runs.</summary>
    public bool SocketMode => !string.IsNullOrWhiteSpace(AppToken);
}
