using ChatOps.Core.Access;
using ChatOps.Core.Alerts;
using ChatOps.Core.Chat;
using ChatOps.Core.Checks;
using ChatOps.Core.Commands;
using ChatOps.Core.Commands.Handlers;
using ChatOps.Core.Drills;
using ChatOps.Core.Inbound;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;
using ChatOps.Core.Mitigations;
using ChatOps.Core.Postmortem;
using ChatOps.Core.Runbooks;
using ChatOps.Core.RunbookTests;
using ChatOps.Core.Runs;
using ChatOps.Core.Scenarios;
using ChatOps.Core.Work;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatOps.Core;

/// <summary>Registers the core's services; the host binds their options and supplies the ports (store, surfaces, executors).</summary>
public static class CoreServices
{
    public static IServiceCollection AddIncidentCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        // The host brings its meter factory; a host without one (a test's container) gets the default.
        services.AddMetrics();
        services.AddSingleton<InboundMetrics>();
        services.AddSingleton<CheckMetrics>();
        services.AddSingleton<MitigationMetrics>();
        services.AddSingleton<IncidentMetrics>();
        services.TryAddSingleton<ChatCallMetrics>(); // An adapter that counts its calls may have added it first.
        services.TryAddSingleton<IRoleDirectory, RoleDirectory>();
        services.AddSingleton<IncidentPolicy>();
        services.AddSingleton<IncidentClock>();
        services.AddSingleton<IncidentCard>();
        services.AddSingleton<IncidentResolver>();
        services.AddSingleton<ScenarioRecorder>();
        services.AddSingleton<IncidentChanger>();
        services.AddSingleton<IncidentReplies>();
        services.AddSingleton<TimelineEvents>();
        services.AddSingleton<TimelineView>();
        services.AddIncidentExecutors();
        services.AddSingleton<CheckRunner>();
        services.AddSingleton<RunbookRunner>();
        services.AddSingleton<PostmortemRenderer>();
        services.AddSingleton<PeopleDirectory>();
        services.AddSingleton<CommandDispatcher>();
        services.AddSingleton<ChatDelivery>();
        services.AddSingleton<ApprovalPolicy>();
        services.AddSingleton<RequestUpdater>();
        services.AddSingleton<RequestDecisions>();
        services.AddSingleton<MitigationView>();
        services.AddSingleton<MitigationRecords>();
        services.AddSingleton<MitigationExecution>();
        services.AddSingleton<MitigationExpiry>();
        services.AddSingleton<MitigationReconciler>();
        services.AddSingleton<ManualSteps>();
        services.AddSingleton<InboundPipeline>();
        services.AddSingleton<WorkSignal>();
        services.AddSingleton<IWorkHandler, InboundJob>();
        services.AddSingleton<BotCommands>();
        services.AddSingleton<IncidentDeclaration>();
        services.AddSingleton<AlertRouter>();
        services.AddSingleton<AlertView>();
        services.AddSingleton<AlertDeclaration>();
        services.AddSingleton<IWorkHandler, AlertJob>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AlertOptions>, AlertOptionsValidation>());
        foreach (var handler in typeof(ICommandHandler).Assembly.GetTypes()
                     .Where(t => t is { IsAbstract: false, IsClass: true } && typeof(ICommandHandler).IsAssignableFrom(t)))
            services.AddSingleton(typeof(ICommandHandler), handler);
        return services;
    }

    /// <summary>
    /// The one choice of what an incident's checks and mitigations reach (<see cref="IncidentExecutors"/>), over the
    /// executors registered as <see cref="ICheckExecutor"/> and <see cref="IMitigationExecutor"/>; no scenarios unless the
    /// host registers its <see cref="ScenarioCatalog"/>.
    /// </summary>
    public static IServiceCollection AddIncidentExecutors(this IServiceCollection services)
    {
        services.TryAddSingleton(ScenarioCatalog.Empty);
        services.TryAddSingleton<IncidentExecutors>();
        services.TryAddSingleton<ICheckExecutors>(sp => sp.GetRequiredService<IncidentExecutors>());
        services.TryAddSingleton<IMitigationExecutors>(sp => sp.GetRequiredService<IncidentExecutors>());
        return services;
    }
}
