using ChatOps.Core.Alerts;
using ChatOps.Core.Incidents;
using Microsoft.Extensions.Options;

namespace ChatOps.Core.Commands.Handlers;

/// <summary>Opens an incident; a title that is an alert group's id (what an alert's Declare button sends) opens it from that alert.</summary>
public sealed class DeclareIncident(IncidentDeclaration declaration, AlertDeclaration alerts, IOptions<IncidentOptions> options) : CommandHandler<DeclareCommand>
{
    /// <summary>Titles longer than this are cut; a title is a headline, the detail goes in notes.</summary>
    public const int MaxTitle = 150;

    protected override async Task<CommandResult> HandleAsync(DeclareCommand command, CommandContext context, CancellationToken cancellationToken)
    {
        if (AlertGroupId.TryParse(command.Title, out var group)) return await alerts.DeclareAsync(group, command.Severity, context, cancellationToken);
        var severity = command.Severity ?? options.Value.DefaultSeverity;
        return (await declaration.DeclareAsync(command.Title, severity, context, _ => [], cancellationToken)).Result;
    }
}
