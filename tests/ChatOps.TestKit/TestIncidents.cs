using ChatOps.Core.Incidents;

namespace ChatOps.TestKit;

/// <summary>Incidents for tests that run checks or mitigations without a conversation.</summary>
public static class TestIncidents
{
    /// <summary>A real (not drill) incident: its checks reach the configured targets.</summary>
    public static Incident Real { get; } = new NewIncident(
        "Test incident", Severity.Sev3, new ChatPlace("slack", "C-TEST"), TestPeople.P("U-TEST"), new DateTimeOffset(2026, 3, 12, 14, 0, 0, TimeSpan.Zero), null)
        .WithId(new IncidentId(2026, 1));

    /// <summary>A drill of <paramref name="scenario"/>: its checks and mitigations reach only the scenario's simulation.</summary>
    public static Incident Drill(string scenario, int number = 2) => Real with { Id = new IncidentId(2026, number), Drill = scenario };
}
