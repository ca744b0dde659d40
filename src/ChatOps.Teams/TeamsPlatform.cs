namespace ChatOps.Teams;

/// <summary>How the core names Microsoft Teams: its platform name, and people by their AAD object id.</summary>
public static class TeamsPlatform
{
    public const string Name = "teams";
}
