namespace ChatOps.Core.Incidents;

/// <summary>
/// Where an incident lives in chat: a platform name (for the adapter that renders it), the channel or conversation,
/// and the root message whose thread carries everything else. <see cref="Address"/> is the adapter's own note of how
/// to reach the place (Teams: service URL, tenant, conversation), stored with the incident and never read by the core.
/// </summary>
public sealed record ChatPlace(string Platform, string Channel, string? Thread = null, string? Address = null)
{
    public ChatPlace WithThread(string thread) => this with { Thread = thread };
}
