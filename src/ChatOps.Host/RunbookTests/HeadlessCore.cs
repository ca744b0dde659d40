using ChatOps.Core;
using ChatOps.Core.Access;
using ChatOps.Core.Chat;
using ChatOps.Core.Postmortem;
using ChatOps.Core.RunbookTests;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Scenarios;
using ChatOps.Storage;
using ChatOps.Targets;

namespace ChatOps.Host.RunbookTests;

/// <summary>
/// The core as the host composes it, for runbook tests: the same handlers, runner and approvals, on a throwaway SQLite
/// file, with the simulated targets only (no <c>Targets</c> section is read, so no real target can be reached) and a
/// chat platform that posts nowhere. The tester's approvers are its only approvers.
/// </summary>
internal static class HeadlessCore
{
    public static async Task<ServiceProvider> StartAsync(RunbookCatalog runbooks, ScenarioCatalog scenarios, string folder, CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Sqlite:Path"] = Path.Combine(folder, "runbook-tests.db") })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(runbooks);
        services.AddSingleton(scenarios);
        services.AddSingleton(PostmortemTemplate.Load(Path.Combine(AppContext.BaseDirectory, "templates", "postmortem.md.sbn")));
        services.Configure<RoleOptions>(o =>
        {
            foreach (var approver in ScenarioTester.Approvers) o.Approvers.Add(approver.ToString());
        });
        services.AddSingleton<IChatSurface, HeadlessChatSurface>();
        services.AddChatOpsStorage(configuration, folder);
        services.AddSimulatedTargets();
        services.AddIncidentCore();
        services.AddSingleton<ScenarioTester>();
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await provider.GetRequiredService<IStorageSchema>().MigrateAsync(cancellationToken);
        return provider;
    }
}
