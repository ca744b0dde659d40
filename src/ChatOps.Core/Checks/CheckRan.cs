using ChatOps.Core.Access;
using ChatOps.Core.Incidents;
using ChatOps.Core.Safety;

namespace ChatOps.Core.Checks;

/// <summary>
/// The timeline entry for one check result, with the values a decision may read later, and what the target answered
/// (redacted) or why it could not, so that the incident can be replayed as a scenario.
/// </summary>
internal static class CheckRan
{
    /// <summary>The entry's data key of the target's reply (<see cref="ReplyJson"/>).</summary>
    public const string ReplyKey = "reply";

    /// <summary>The entry's data key of why a check has no answer.</summary>
    public const string ErrorKey = "error";

    public static TimelineEvent Event(TimelineEvents events, Incident incident, Actor actor, string runbook, CheckResult result) =>
        events.New(incident, actor, TimelineKind.CheckRan,
            $"Check {result.Check.Id}: {result.Grade.ToString().ToLowerInvariant()} · {result.Error ?? result.Observation!.Summary}",
            [
                ("runbook", runbook), ("check", result.Check.Id), .. CheckValues.ToData(result.Values), .. CheckColumns.ToData(result),
                (ReplyKey, result.Observation?.Reply is { } reply ? ReplyJson.Write(reply) : null),
                (ErrorKey, result.Observation is null ? SecretRedactor.Redact(result.Error!) : null),
            ]);
}
