using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;

namespace ChatOps.Core.Chat;

/// <summary>A message a handler wants posted, with where it goes and which incident it belongs to.</summary>
public sealed record Outgoing(Audience Audience, ChatMessage Message, Incident? Incident = null);
