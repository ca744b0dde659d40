using System.Diagnostics.Metrics;
using ChatOps.Core.Incidents;
using ChatOps.Core.Mitigations;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.TestKit;

/// <summary>Meters for core services a test builds by hand; the instruments count only where a test listens.</summary>
public static class TestMeters
{
    public static IMeterFactory Factory { get; } =
        new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();

    public static MitigationMetrics Mitigations { get; } = new(Factory);

    public static IncidentMetrics Incidents { get; } = new(Factory, TimeProvider.System);
}
