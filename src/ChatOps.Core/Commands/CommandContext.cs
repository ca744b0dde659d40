using ChatOps.Core.Access;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Commands;

/// <summary>
/// Who sent a command and from where (a channel, or a thread in it). <paramref name="Incident"/> is the incident the door
/// found for it when it was accepted, so that running it later (or again, after a crash) acts on that incident even
/// when the channel's open incidents have changed since.
/// </summary>
public sealed record CommandContext(Actor Actor, ChatPlace Place, IncidentId? Incident = null);
