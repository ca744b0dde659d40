using ChatOps.Core.Access;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Commands;

/// <summary>Who sent a command and from where (a channel, or a thread in it).</summary>
public sealed record CommandContext(Actor Actor, ChatPlace Place);
