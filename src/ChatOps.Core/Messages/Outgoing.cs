using ChatOps.Core.Incidents;

namespace ChatOps.Core.Messages;

/// <summary>A message a handler wants posted, with where it goes and which incident it belongs to.</summary>
public sealed record Outgoing(Audience Audience, ChatMessage Message, Incident? Incident = null);
