using ChatOps.Core.Chat;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;

namespace ChatOps.Core.Chat;

/// <summary>Who sees an outgoing message.</summary>
public enum Audience
{
    /// <summary>Only the person who sent the command (Slack: ephemeral).</summary>
    Requester,

    /// <summary>A new message in the channel: an incident's root message.</summary>
    Channel,

    /// <summary>A reply in the incident's thread.</summary>
    Thread,

    /// <summary>Replaces the incident's root message in place.</summary>
    Root,
}
