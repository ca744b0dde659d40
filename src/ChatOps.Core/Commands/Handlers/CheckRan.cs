using ChatOps.Core.Access;
using ChatOps.Core.Checks;
using ChatOps.Core.Incidents;
using ChatOps.Core.Timeline;

namespace ChatOps.Core.Commands.Handlers;

/// <summary>The timeline entry for one check result, with the values a decision may read later.</summary>
internal static class CheckRan
{
    public static TimelineEvent Event(IncidentChanger changer, Incident incident, Actor actor, string runbook, CheckResult result) =>
        changer.Event(incident, actor, TimelineKind.CheckRan,
            $"Check {result.Check.Id}: {result.Grade.ToString().ToLowerInvariant()} · {result.Error ?? result.Observation!.Summary}",
            [("runbook", runbook), ("check", result.Check.Id), .. CheckValues.ToData(result.Values)]);
}
