using ChatOps.Core.Access;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Inbound;

/// <summary>
/// One thing a person asked of the bot, from any door (a Slack slash command, a click, a mention, a Teams message, an
/// alert's button), translated to the core's terms. A private answer goes to <see cref="Actor"/> at <see cref="Place"/>.
/// </summary>
/// <param name="Text">The command in the grammar, typed or carried by a button, mentions as the core's tokens.</param>
/// <param name="DeliveryKey">
/// The platform's identity of this delivery (an event id, a trigger id, an action's timestamp): a retry of it carries
/// the same key and is processed once.
/// </param>
public sealed record InboundEnvelope(Actor Actor, ChatPlace Place, string Text, string DeliveryKey)
{
    /// <summary>A declaration's description from a form: it becomes the incident's first note.</summary>
    public string? Description { get; init; }

    /// <summary>The person's gesture (this button on this message), so that a second click within a moment is dropped.</summary>
    public string? RepeatKey { get; init; }

    /// <summary>The incident the door found for a command that names none, when it checked it could be found.</summary>
    public IncidentId? Incident { get; init; }

    /// <summary>The door can carry a private answer in its acknowledgement (a slash command's response body).</summary>
    public bool AnswerInAcknowledgement { get; init; }
}
