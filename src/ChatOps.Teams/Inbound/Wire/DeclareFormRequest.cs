using ChatOps.Core.Incidents;

namespace ChatOps.Teams.Inbound.Wire;

/// <summary>A declare form to post, as the work queue stores it: where, for whom (<c>platform:user</c>), and the severity typed.</summary>
internal sealed record DeclareFormRequest(ChatPlace Place, string Asker, Severity Severity);
