namespace ChatOps.Teams;

/// <summary>
/// The bot's Azure identity, as <c>MicrosoftAppType</c> names it. Azure Bot Service creates no new multi-tenant bots
/// after 31 July 2025, so single-tenant is the default.
/// </summary>
public enum TeamsAppType
{
    SingleTenant,
    MultiTenant,

    /// <summary>A user-assigned managed identity: an app id and tenant, no password.</summary>
    UserAssignedMsi,
}
