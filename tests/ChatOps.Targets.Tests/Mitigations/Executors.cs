using ChatOps.Core.Mitigations;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Targets.Tests.Mitigations;

/// <summary>The registered executor of a mitigation kind, and unique object names so that tests never share state.</summary>
public static class Executors
{
    public static IMitigationExecutor Of(IServiceProvider services, string kind) =>
        services.GetServices<IMitigationExecutor>().Single(e => e.Kind == kind);

    public static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];
}
