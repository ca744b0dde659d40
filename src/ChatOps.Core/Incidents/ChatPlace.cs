namespace ChatOps.Core.Incidents;

/// <summary>
/// Where an incident lives in chat: a platform name (for the adapter that renders it), the
/// channel or conversation, and the root message whose thread carries everything else.
/// </summary>
public sealed record ChatPlace(string Platform, string Channel, string? Thread = null)
{
    public ChatPlace WithThread(string thread) => this with { Thread = thread };
}
