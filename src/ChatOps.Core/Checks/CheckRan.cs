using ChatOps.Core.Access;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Checks;

/// <summary>The timeline entry for one check result, with the values a decision may read later.</summary>
internal static class CheckRan
{
    public static TimelineEvent Event(TimelineEvents events, Incident incident, Actor actor, string runbook, CheckResult result) =>
        events.New(incident, actor, TimelineKind.CheckRan,
            $"Check {result.Check.Id}: {result.Grade.ToString().ToLowerInvariant()} · {result.Error ?? result.Observation!.Summary}",
            [("runbook", runbook), ("check", result.Check.Id), .. CheckValues.ToData(result.Values), .. CheckColumns.ToData(result)]);
}
