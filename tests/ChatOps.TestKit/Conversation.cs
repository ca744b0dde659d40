using System.Text.RegularExpressions;
using ChatOps.Core;
using ChatOps.Core.Access;
using ChatOps.Core.Alerts;
using ChatOps.Core.Chat;
using ChatOps.Core.Checks;
using ChatOps.Core.Commands;
using ChatOps.Core.Delivery;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;
using ChatOps.Core.Mitigations;
using ChatOps.Core.Postmortem;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Runs;
using ChatOps.Core.Work;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.TestKit;

/// <summary>
/// "Say this, expect that, click this": the core wired as the host wires it, with a fake clock, a
/// recording chat surface and the shipped runbooks and template.
/// </summary>
public sealed partial class Conversation : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services;

    /// <param name="configure">Adds what a test brings of its own, such as the real check executors or a platform's chat surface.</param>
    /// <param name="requests">The mitigation requests of an earlier conversation: with its <paramref name="store"/>, the same data after a restart.</param>
    public Conversation(
        IIncidentStore? store = null,
        IEnumerable<string>? managers = null,
        IEnumerable<ICheckExecutor>? executors = null,
        string timeZone = "UTC",
        Action<IServiceCollection>? configure = null,
        IEnumerable<string>? approvers = null,
        ChatPlace? channel = null,
        InMemoryMitigationStore? requests = null)
    {
        Store = store ?? new InMemoryIncidentStore();
        Requests = requests ?? new InMemoryMitigationStore();
        Channel = channel ?? new(RecordingChatSurface.DefaultPlatform, "C-INCIDENTS");
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton(Store);
        services.AddSingleton<IMitigationStore>(Requests);
        services.AddSingleton<IChatSurface>(Chat);
        services.Configure<IncidentOptions>(o => o.TimeZone = timeZone);
        services.Configure<RoleOptions>(o =>
        {
            foreach (var manager in managers ?? []) o.Managers.Add(Qualified(manager));
            foreach (var approver in approvers ?? []) o.Approvers.Add(Qualified(approver));
        });
        services.Configure<CheckOptions>(_ => { });
        services.Configure<WorkOptions>(_ => { });
        services.AddSingleton<IWorkQueue, InMemoryWorkQueue>();
        services.AddSingleton<IDeliveryDeduplicator, InMemoryDeliveryDeduplicator>();
        services.AddSingleton<IMessageJournal, InMemoryMessageJournal>();
        services.AddSingleton<IAlertGroupStore, InMemoryAlertGroupStore>();
        services.Configure<ApprovalOptions>(_ => { });
        foreach (var executor in executors ?? []) services.AddSingleton(executor);
        services.AddSingleton(new RunbookCatalog(Runbooks.Value));
        services.AddSingleton(PostmortemTemplate.Load(Path.Combine(RepoPaths.Templates, "postmortem.md.sbn")));
        configure?.Invoke(services);
        services.AddIncidentCore();
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private static readonly Lazy<IReadOnlyList<Runbook>> Runbooks = new(() =>
    {
        var loaded = RunbookLoader.LoadFolder(RepoPaths.Runbooks);
        return loaded.IsValid ? loaded.Runbooks : throw new InvalidOperationException(string.Join("\n", loaded.Errors));
    });

    public FakeTimeProvider Time { get; } = new(Start);

    public IIncidentStore Store { get; }

    public InMemoryMitigationStore Requests { get; }

    public RecordingChatSurface Chat { get; } = new();

    /// <summary>Where commands are said: the recording surface's channel unless a test brings a platform of its own.</summary>
    public ChatPlace Channel { get; }

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>A person of the conversation's platform, by the id a test gives them.</summary>
    public static PersonId Person(string user) => new(RecordingChatSurface.DefaultPlatform, user);

    /// <summary>
    /// Sends a command as <paramref name="user"/>, in the channel or in a thread, and delivers what it answers. Like an
    /// adapter, it brings the platform's mentions (<c>&lt;@U123&gt;</c>) to the core's tokens first.
    /// </summary>
    public async Task<CommandResult> SayAsync(string user, string text, string? thread = null)
    {
        var context = new CommandContext(new Actor(Person(user)), Channel with { Thread = thread });
        text = PlatformMention().Replace(text, m => Mention.Of(Person(m.Groups[1].Value), m.Groups[2].Success ? m.Groups[2].Value : null));
        var result = await Get<CommandDispatcher>().DispatchAsync(text, context, CancellationToken.None);
        await Get<ChatDelivery>().DeliverAsync(result.Messages, context.Actor, context.Place, CancellationToken.None);
        return result;
    }

    /// <summary>Clicks a command button as <paramref name="user"/>.</summary>
    public Task<CommandResult> ClickAsync(string user, Button button, string? thread = null) =>
        button.ActionId == ButtonActions.Command
            ? SayAsync(user, button.Value, thread)
            : throw new NotSupportedException($"The conversation harness cannot click '{button.ActionId}' buttons yet.");

    /// <summary>Clicks a form button as <paramref name="user"/> and submits the form with these answers, as an adapter's form does.</summary>
    public Task<CommandResult> SubmitFormAsync(string user, Button button, params string[] answers) =>
        button is { ActionId: ButtonActions.Form, Form: { } form }
            ? SayAsync(user, form.Complete(answers))
            : throw new InvalidOperationException($"'{button.Label}' opens no form.");

    /// <summary>Declares an incident and returns it with the thread its root message opened.</summary>
    public async Task<Incident> DeclareAsync(string user, string text)
    {
        var result = await SayAsync(user, "declare " + text);
        Assert.Null(result.Error);
        var declared = result.Messages.First(m => m.Audience == Audience.Channel).Incident!;
        return (await Store.FindAsync(declared.Id, CancellationToken.None))!;
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private static string Qualified(string user) => user.Contains(':', StringComparison.Ordinal) ? user : Person(user).ToString();

    [GeneratedRegex(@"<@([A-Za-z0-9._-]{1,128})(?:\|([^<>|]{0,128}))?>", RegexOptions.CultureInvariant)]
    private static partial Regex PlatformMention();

    /// <summary>The options as the core reads them, for tests that need them directly.</summary>
    public IncidentOptions Options => Get<IOptions<IncidentOptions>>().Value;
}
