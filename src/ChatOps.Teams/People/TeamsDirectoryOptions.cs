namespace ChatOps.Teams.People;

/// <summary>
/// Configuration section <c>Teams</c>: the Azure AD (Entra ID) groups whose members hold a role, read through Microsoft
/// Graph with the bot's own app token (application permission <c>GroupMember.Read.All</c>), and how long their members
/// are trusted before they are read again.
/// </summary>
public sealed class TeamsDirectoryOptions
{
    public const string SectionName = "Teams";

    /// <summary>Microsoft Graph in the public cloud; a national cloud has its own (e.g. https://graph.microsoft.us/).</summary>
    public const string PublicGraphUrl = "https://graph.microsoft.com/";

    /// <summary>Group object ids (GUIDs) whose members, nested groups included, hold the manager role.</summary>
    public IList<string> ManagerGroups { get; } = [];

    /// <summary>Group object ids (GUIDs) whose members, nested groups included, may approve mitigations.</summary>
    public IList<string> ApproverGroups { get; } = [];

    /// <summary>How long a group's members are trusted: short, so a removal soon takes the role away.</summary>
    public TimeSpan GroupCacheDuration { get; set; } = TimeSpan.FromMinutes(1);

    public string GraphUrl { get; set; } = PublicGraphUrl;

    public bool HasGroups => ManagerGroups.Count > 0 || ApproverGroups.Count > 0;

    /// <summary>Graph's base, ending in a slash.</summary>
    public Uri GraphBase => new(GraphUrl.EndsWith('/') ? GraphUrl : GraphUrl + "/");

    /// <summary>The app token's scope for Graph: its resource with <c>/.default</c>, as client credentials need it.</summary>
    public string GraphScope => $"{GraphBase.GetLeftPart(UriPartial.Authority)}/.default";
}
