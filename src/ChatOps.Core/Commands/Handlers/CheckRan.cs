using ChatOps.Core.Checks;
using ChatOps.Core.Incidents;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Timeline;

namespace ChatOps.Core.Commands.Handlers;

/// <summary>The timeline entry for one check result.</summary>
internal static class CheckRan
{
    public static TimelineEvent Event(IncidentChanger changer, Incident incident, CommandContext context, Runbook runbook, CheckResult result) =>
        changer.Event(incident, context.Actor, TimelineKind.CheckRan,
            $"Check {result.Check.Id}: {result.Grade.ToString().ToLowerInvariant()} · {result.Error ?? result.Observation!.Summary}",
            ("runbook", runbook.Id), ("check", result.Check.Id), ("grade", result.Grade.ToString().ToLowerInvariant()),
            ("value", result.Observation?.Values.TryGetValue("value", out var v) == true ? v.ToString() : null));
}
