using ChatOps.Core.Access;
using ChatOps.Core.Chat;
using ChatOps.Core.Checks;
using ChatOps.Core.Commands.Handlers;
using ChatOps.Core.Decisions;
using ChatOps.Core.Expressions;
using ChatOps.Core.Incidents;
using ChatOps.Core.Runbooks;
using Microsoft.Extensions.Logging;

namespace ChatOps.Core.Runs;

/// <summary>
/// Runs a runbook in an incident's thread: all checks at once, each result posted the moment it is ready
/// (a slow or dead target holds up nobody), a summary updated in place, then the decision tree walked
/// from the evidence as far as it goes.
/// </summary>
public sealed partial class RunbookRunner(CheckRunner checks, ChatDelivery chat, IIncidentStore store, TimelineEvents events, ILogger<RunbookRunner> logger)
{
    public async Task RunAsync(Incident incident, Runbook runbook, Actor actor, CancellationToken cancellationToken)
    {
        await store.AppendAsync([events.New(incident, actor, TimelineKind.RunbookStarted, $"Runbook started: {runbook.Title}", ("runbook", runbook.Id))], cancellationToken);
        await chat.PostToThreadAsync(incident, RunbookOverview.Render(runbook), cancellationToken);
        var results = new Dictionary<string, CheckResult>(StringComparer.Ordinal);
        var summary = await TryPostAsync(incident, RunSummary.Render(runbook, results), cancellationToken);

        // One loop posts, so thread order is the order in which results arrived.
        await foreach (var finished in Task.WhenEach(runbook.Checks.Select(c => checks.RunAsync(c, cancellationToken))))
        {
            var result = await finished;
            results[result.Check.Id] = result;
            await store.AppendAsync([CheckRan.Event(events, incident, actor, runbook.Id, result)], cancellationToken);
            await TryPostAsync(incident, CheckResultView.Render(result), cancellationToken);
            if (summary is not null) await TryAsync(() => chat.UpdateAsync(summary, RunSummary.Render(runbook, results), cancellationToken));
        }

        if (runbook.Decision is { } tree)
            await WalkAsync(incident, runbook, tree.Start, results.ToDictionary(r => r.Key, r => r.Value.Values, StringComparer.Ordinal), cancellationToken);
    }

    /// <summary>Walks from <paramref name="from"/>, posting each answer with its evidence, then the recommendation or the next question.</summary>
    public async Task WalkAsync(Incident incident, Runbook runbook, string from, IReadOnlyDictionary<string, IReadOnlyDictionary<string, ExpressionValue>> evidence, CancellationToken cancellationToken)
    {
        var walk = DecisionWalker.Walk(runbook.Decision!, from, evidence);
        foreach (var step in walk.Steps)
        {
            await store.AppendAsync([events.New(incident, Actor.System, TimelineKind.DecisionTaken,
                $"{step.Node.Ask} {(step.Answer ? "Yes" : "No")} (from {step.Evidence})",
                ("runbook", runbook.Id), ("node", step.Node.Id), ("answer", step.Answer ? "yes" : "no"), ("by", "evidence"))], cancellationToken);
            await TryPostAsync(incident, DecisionView.Answered(step), cancellationToken);
        }
        if (walk.Leaf is { } leaf)
            await TryPostAsync(incident, DecisionView.Recommend(incident, runbook, leaf, await store.TimelineAsync(incident.Id, cancellationToken)), cancellationToken);
        else if (walk.Open is { } open) await TryPostAsync(incident, DecisionView.Ask(incident, runbook, open, walk.WhyAsked), cancellationToken);
    }

    // A post that fails must not stop the run: every result still reaches the timeline, the rest still posts.
    private async Task<PostedMessage?> TryPostAsync(Incident incident, Messages.ChatMessage message, CancellationToken cancellationToken)
    {
        PostedMessage? posted = null;
        await TryAsync(async () => posted = await chat.PostToThreadAsync(incident, message, cancellationToken));
        return posted;
    }

    private async Task TryAsync(Func<Task> post)
    {
        try
        {
            await post();
        }
        catch (ChatSurfaceException e)
        {
            LogPostFailed(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A runbook post failed; the run goes on")]
    private partial void LogPostFailed(Exception exception);
}
