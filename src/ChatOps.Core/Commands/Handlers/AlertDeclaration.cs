using ChatOps.Core.Alerts;
using ChatOps.Core.Chat;
using ChatOps.Core.Inbound;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;

namespace ChatOps.Core.Commands.Handlers;

/// <summary>
/// Opens an incident from an alert group (its Declare button, or the bot where the group's route declares by itself):
/// at the route's severity unless the command names one, its timeline starting with the group's alerts at their own
/// times, the group linked to it so that later firings join it, and the route's runbook offered or started. A group
/// whose incident is still open is not declared twice.
/// </summary>
public sealed class AlertDeclaration(
    IAlertGroupStore groups, IIncidentStore incidents, AlertRouter router, AlertView view, IncidentDeclaration declaration, BotCommands bot)
{
    public async Task<CommandResult> DeclareAsync(AlertGroupId id, Severity? severity, CommandContext context, CancellationToken cancellationToken)
    {
        if (await groups.FindAsync(id, cancellationToken) is not { } group)
            return CommandResult.Reject(CommandErrorCode.UnknownAlert, $"There is no alert group {id}: the bot has not heard of it from Alertmanager.");
        if (group.Incident is { } linked && await incidents.FindAsync(linked, cancellationToken) is { IsOpen: true } open)
        {
            // The bot's own declaration meeting a person's earlier one has nobody to tell.
            return context.Actor.Id.IsBot
                ? new CommandResult([])
                : CommandResult.ToRequester(ChatMessage.Plain($"{id} is {open.Id} already; work it in that incident's thread."));
        }
        var alerts = group.Latest;
        var route = router.Route(alerts);
        var title = AlertTimeline.Headline(alerts.Firing.FirstOrDefault() ?? alerts.Alerts[0]);
        var (incident, declared) = await declaration.DeclareAsync(
            title, severity ?? route.Severity, context, created => AlertTimeline.Events(created, alerts), cancellationToken);
        await groups.LinkAsync(id, incident.Id, cancellationToken);
        if (route is { Run: AlertAction.Auto, Runbook: { } runbook })
            await bot.GiveAsync(incident.Place, $"run {incident.Id} {runbook}", $"alert:run:{incident.Id}", cancellationToken);
        return declared with { Messages = [.. declared.Messages, new Outgoing(Audience.Thread, view.Declared(incident, alerts, route), incident)] };
    }
}
