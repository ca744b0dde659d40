using ChatOps.Core.Checks;
using ChatOps.Core.Drills;
using ChatOps.Core.Mitigations;
using ChatOps.Targets.Checks;
using ChatOps.Targets.Clients;
using ChatOps.Targets.Mitigations;
using ChatOps.Targets.Simulated;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatOps.Targets;

public static class TargetsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <c>Targets</c> section (validated at start), one <see cref="ICheckExecutor"/> per check kind and one
    /// <see cref="IMitigationExecutor"/> per mitigation kind; checks and mitigations of a target share its client.
    /// </summary>
    public static IServiceCollection AddChatOpsTargets(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TargetsOptions>()
            .Configure(options => configuration.GetSection(TargetsOptions.SectionName).Bind(options.Targets))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TargetsOptions>, TargetsOptionsValidator>());
        services.AddOptions<CheckOptions>();
        services.TryAddSingleton(TimeProvider.System);
        // No client-side timeout: each check's own timeout cancels the request.
        services.AddHttpClient(TargetHttp.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan);

        services.TryAddSingleton<TargetDirectory>();
        services.TryAddSingleton<RedisConnections>();
        services.TryAddSingleton<PostgresDataSources>();
        services.TryAddSingleton<KubernetesClients>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICheckExecutor, PrometheusCheckExecutor>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICheckExecutor, HttpCheckExecutor>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICheckExecutor, RedisCheckExecutor>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICheckExecutor, PostgresCheckExecutor>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICheckExecutor, KubernetesLogsCheckExecutor>());
        services.TryAddSingleton<MitigationTargets>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMitigationExecutor, ScaleMitigationExecutor>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMitigationExecutor, SetFlagMitigationExecutor>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMitigationExecutor, BlockMitigationExecutor>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMitigationExecutor, RollbackMitigationExecutor>());
        return services;
    }

    /// <summary>
    /// The simulated targets drills play against (<see cref="ISimulatedTargets"/>): every check and mitigation kind,
    /// answered and changed from a drill's scenario. Needs the mitigation store and the runbook catalog.
    /// </summary>
    public static IServiceCollection AddSimulatedTargets(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISimulatedTargets, SimulatedTargets>());
        return services;
    }
}
