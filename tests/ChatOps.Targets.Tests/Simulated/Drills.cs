using ChatOps.Core.Incidents;
using ChatOps.Core.Runbooks;
using ChatOps.Core.RunbookTests;
using ChatOps.Core.Scenarios;
using ChatOps.TestKit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Targets.Tests.Simulated;

/// <summary>
/// Conversations that can play drills: the real targets configured as given, the simulated ones, and the shipped scenarios.
/// </summary>
internal static class Drills
{
    public const string Alice = "U-ALICE";
    public const string Approver = "U-APPROVER";
    public const string SecondApprover = "U-SECOND";

    private static readonly Lazy<IReadOnlyList<Scenario>> Shipped = new(() =>
    {
        var runbooks = new RunbookCatalog(RunbookLoader.LoadFolder(RepoPaths.Runbooks).Runbooks);
        var loaded = ScenarioLoader.LoadFolder(RepoPaths.Scenarios, runbooks);
        return loaded.IsValid ? loaded.Scenarios : throw new InvalidOperationException(string.Join("\n", loaded.Errors));
    });

    /// <summary>
    /// The shipped scenarios, their answers without delay: the conversation's clock is fake, and a delay would wait for
    /// it (delays are tested on their own).
    /// </summary>
    public static IReadOnlyList<Scenario> Scenarios { get; } = [.. Shipped.Value.Select(WithoutDelays)];

    public static Scenario WithoutDelays(Scenario scenario) =>
        scenario with { Answers = scenario.Answers.ToDictionary(a => a.Key, a => a.Value with { Delay = TimeSpan.Zero }) };

    public static Conversation Conversation(
        Dictionary<string, string?> targets,
        IIncidentStore? store = null,
        InMemoryMitigationStore? requests = null,
        IEnumerable<Scenario>? scenarios = null) =>
        new(store: store, requests: requests, approvers: [Approver, SecondApprover], configure: services =>
        {
            services.AddChatOpsTargets(new ConfigurationBuilder().AddInMemoryCollection(targets).Build());
            services.AddSimulatedTargets();
            services.AddSingleton(new ScenarioCatalog([.. scenarios ?? Scenarios]));
        });

    /// <summary>
    /// A conversation that plays <paramref name="scenarios"/> as <c>test</c> does: simulated targets only, the runbook
    /// tester's platform and approvers, and the real clock, so that the scenarios' delays pass as they do in a drill.
    /// </summary>
    public static Conversation Replay(params Scenario[] scenarios) =>
        new(approvers: [.. ScenarioTester.Approvers.Select(a => a.ToString())], configure: services =>
        {
            services.AddSingleton(TimeProvider.System);
            services.AddSingleton<Core.Chat.IChatSurface>(new RecordingChatSurface(ScenarioTester.Platform));
            services.AddSimulatedTargets();
            services.AddSingleton(new ScenarioCatalog(scenarios));
            services.AddSingleton<ScenarioTester>();
        });

    /// <summary>The scenario <c>scenario</c> attaches for <paramref name="incident"/>, loaded as the host would load the file.</summary>
    public static async Task<(Scenario Scenario, string Yaml)> WriteScenarioAsync(Conversation chat, Incident incident)
    {
        var said = await chat.SayAsync(Alice, $"scenario {incident.Id}", incident.Place.Thread);
        Assert.Null(said.Error);
        var file = said.Messages.Single().Message.Blocks.OfType<Core.Messages.AttachmentBlock>().Single();
        var runbooks = new RunbookCatalog(RunbookLoader.LoadFolder(RepoPaths.Runbooks).Runbooks);
        var loaded = ScenarioLoader.LoadText(file.Content, file.FileName, runbooks);
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Errors) + "\n" + file.Content);
        return (loaded.Scenarios[0], file.Content);
    }

    /// <summary>Declares a drill of <paramref name="scenario"/> with the <c>drill</c> verb (which also runs its runbook).</summary>
    public static async Task<Incident> StartAsync(Conversation chat, string scenario)
    {
        var said = await chat.SayAsync(Alice, $"drill {scenario}");
        Assert.Null(said.Error);
        return (await chat.Store.ListOpenAsync(chat.Channel, default)).First(i => i.Drill == scenario);
    }

    /// <summary>A drill incident stored directly, for a scenario the verb would refuse (one gone since the drill began).</summary>
    public static Task<Incident> StoreAsync(Conversation chat, string scenario) =>
        chat.Store.CreateAsync(new NewIncident(
            $"Drill {scenario}", Severity.Sev3, chat.Channel, TestKit.Conversation.Person(Alice), TestKit.Conversation.Start, null)
        {
            Drill = scenario,
        }, _ => [], CancellationToken.None);
}
