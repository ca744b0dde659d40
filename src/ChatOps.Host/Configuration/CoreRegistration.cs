using ChatOps.Core;
using ChatOps.Core.Access;
using ChatOps.Core.Checks;
using ChatOps.Core.Inbound;
using ChatOps.Core.Incidents;
using ChatOps.Core.Mitigations;
using ChatOps.Core.Postmortem;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Runs;
using ChatOps.Core.Scenarios;
using ChatOps.Host.Workers;

namespace ChatOps.Host.Configuration;

/// <summary>The core: options, policy, the command handlers, runbooks and the postmortem template.</summary>
internal static class CoreRegistration
{
    public static WebApplicationBuilder AddChatOpsCore(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<IncidentOptions>().BindConfiguration(IncidentOptions.SectionName).ValidateDataAnnotations()
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _),
                "Incidents:TimeZone is not a known time zone id (e.g. UTC, Europe/Berlin).")
            .Validate(o => Enum.IsDefined(o.DefaultSeverity), "Incidents:DefaultSeverity must be Sev1..Sev4.")
            .ValidateOnStart();
        services.AddOptions<CheckOptions>().BindConfiguration(CheckOptions.SectionName)
            .Validate(o => o.DefaultTimeout > TimeSpan.Zero && o.DefaultTimeout <= CheckOptions.MaxTimeout,
                "Checks:DefaultTimeout must be positive and at most 00:05:00, the longest a check may set.")
            .ValidateOnStart();

        services.AddOptions<ApprovalOptions>().BindConfiguration(ApprovalOptions.SectionName)
            .Validate(o => o.Expiry > TimeSpan.Zero, "Approvals:Expiry must be positive.")
            .Validate(o => o.ExecutionLease >= ApprovalOptions.MinimumExecutionLease,
                "Approvals:ExecutionLease must be at least 00:02:00: one Kubernetes call may take 100 s, and a shorter lease would judge an execution that is still running.")
            .ValidateOnStart();
        // The people in a role are configured where on-call engineers look for them: beside incidents and approvals.
        services.AddOptions<RoleOptions>()
            .Configure<IConfiguration>((o, configuration) =>
            {
                foreach (var manager in configuration.GetSection("Incidents:Managers").Get<string[]>() ?? []) o.Managers.Add(manager);
                foreach (var approver in configuration.GetSection("Approvals:Approvers").Get<string[]>() ?? []) o.Approvers.Add(approver);
            })
            .Validate(o => o.Managers.All(People.IsPerson), "Incidents:Managers: " + People.Format)
            .Validate(o => o.Approvers.All(People.IsPerson), "Approvals:Approvers: " + People.Format)
            .ValidateOnStart();
        services.AddOptions<InboundOptions>().BindConfiguration(InboundOptions.SectionName)
            .Validate(o => o.DeliveryWindow >= TimeSpan.FromMinutes(5) && o.RepeatWindow > TimeSpan.Zero,
                "Inbound:DeliveryWindow must be at least 00:05:00 (Slack retries for 5 minutes) and Inbound:RepeatWindow positive.")
            .Validate(o => o.StoreTimeout > TimeSpan.Zero && o.StoreTimeout < TimeSpan.FromSeconds(3),
                "Inbound:StoreTimeout must be positive and under 00:00:03 (Slack waits 3 seconds for an acknowledgement).")
            .ValidateOnStart();

        services.AddIncidentCore();
        services.AddHostedService<MitigationSweepWorker>();
        var runbooks = LoadRunbooks(builder);
        services.AddSingleton(runbooks);
        services.AddSingleton(LoadScenarios(builder, runbooks));
        services.AddSingleton(LoadTemplate(builder));
        return builder;
    }

    /// <summary>People in configuration are written platform:user, so that an id names one person on one platform.</summary>
    private static class People
    {
        public const string Format = "write each person as platform:user, e.g. slack:U0123ABCD or teams:<AAD object id>.";

        public static bool IsPerson(string entry) => PersonId.TryParse(entry.Trim(), out _);
    }

    private static RunbookCatalog LoadRunbooks(WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(RunbookOptions.SectionName).Get<RunbookOptions>() ?? new RunbookOptions();
        var folder = HostPaths.Resolve(builder.Environment, options.Folder);
        // A folder that is missing or holds no runbook is a wrong setting or an empty mount, not a deployment without runbooks.
        if (!Directory.Exists(folder)) throw new InvalidConfigurationException($"Runbooks:Folder: the folder {folder} does not exist.");
        if (!Directory.EnumerateFiles(folder, "*.yaml").Concat(Directory.EnumerateFiles(folder, "*.yml")).Any())
            throw new InvalidConfigurationException($"Runbooks:Folder: the folder {folder} holds no runbooks (*.yaml).");
        var values = new RunbookValues(options.Values.Select(v => KeyValuePair.Create(v.Key, (IReadOnlyDictionary<string, string?>)v.Value)));
        var loaded = RunbookLoader.LoadFolder(folder, values);
        // A bad setting is one line naming it; a bad runbook file lists its file:line errors.
        if (loaded.Errors.Count > 0 && loaded.Errors.All(e => e.File.StartsWith(RunbookValues.Setting, StringComparison.Ordinal)))
            throw new InvalidConfigurationException(string.Join("\n", loaded.Errors));
        if (!loaded.IsValid)
            throw new InvalidConfigurationException(
                $"The runbooks in {options.Folder} are invalid:\n  " + string.Join("\n  ", loaded.Errors));
        return new RunbookCatalog(loaded.Runbooks);
    }

    /// <summary>The drill scenarios; one whose runbook is not loaded here is left out (a deployment may carry runbooks of its own).</summary>
    private static ScenarioCatalog LoadScenarios(WebApplicationBuilder builder, RunbookCatalog runbooks)
    {
        var options = builder.Configuration.GetSection(ScenarioOptions.SectionName).Get<ScenarioOptions>() ?? new ScenarioOptions();
        var loaded = ScenarioLoader.LoadFolder(HostPaths.Resolve(builder.Environment, options.Folder), runbooks, skipUnplayable: true);
        if (!loaded.IsValid)
            throw new InvalidConfigurationException($"The scenarios in {options.Folder} are invalid:\n  " + string.Join("\n  ", loaded.Errors));
        return new ScenarioCatalog(loaded.Scenarios);
    }

    private static PostmortemTemplate LoadTemplate(WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(PostmortemOptions.SectionName).Get<PostmortemOptions>() ?? new PostmortemOptions();
        try
        {
            return PostmortemTemplate.Load(HostPaths.Resolve(builder.Environment, options.TemplatePath));
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidConfigurationException(e.Message, e);
        }
    }
}
