using ChatOps.Core.Access;
using ChatOps.Core.Chat;
using ChatOps.Core.Checks;
using ChatOps.Core.Decisions;
using ChatOps.Core.Expressions;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;
using ChatOps.Core.Runbooks;
using Microsoft.Extensions.Logging;

namespace ChatOps.Core.Runs;

/// <summary>
/// Runs a runbook in an incident's thread at the cost of few posts, since a channel takes about one a second: one run
/// message updated in place as results land, a post only for results that need attention, then one post with the
/// decision walked from the evidence as far as it goes. All checks run at once (a slow or dead target holds up
/// nobody), and every result goes on the timeline the moment it lands.
/// </summary>
public sealed partial class RunbookRunner(
    CheckRunner checks, ChatDelivery chat, IIncidentStore store, TimelineEvents events, TimeProvider time, ILogger<RunbookRunner> logger)
{
    public async Task RunAsync(Incident incident, Runbook runbook, Actor actor, CancellationToken cancellationToken)
    {
        await store.AppendAsync([events.New(incident, actor, TimelineKind.RunbookStarted, $"Runbook started: {runbook.Title}", ("runbook", runbook.Id))], cancellationToken);
        var results = new Dictionary<string, CheckResult>(StringComparer.Ordinal);
        var runMessage = await TryPostAsync(incident, RunSummary.Render(runbook, results), cancellationToken);
        var progress = new LatestUpdate(state => runMessage is null ? Task.CompletedTask : TryAsync(() => chat.UpdateAsync(runMessage, state, cancellationToken)));
        var findings = new AttentionPosts(async message => await TryPostAsync(incident, message, cancellationToken) is not null, time, cancellationToken);

        var running = runbook.Checks.Select(c => checks.RunAsync(incident, c, cancellationToken)).ToList();
        while (running.Count > 0)
        {
            await Task.WhenAny(running);
            // Results that land together go together (one timeline write, one state of the run message, one post of
            // findings); the yield lets those completing at this same moment land before the batch is taken.
            await Task.Yield();
            var landed = running.Where(t => t.IsCompleted).ToList();
            running.RemoveAll(landed.Contains);
            var batch = new List<CheckResult>(landed.Count);
            foreach (var task in landed) batch.Add(await task);
            foreach (var result in batch) results[result.Check.Id] = result;
            await store.AppendAsync([.. batch.Select(r => CheckRan.Event(events, incident, actor, runbook.Id, r))], cancellationToken);
            progress.Show(RunSummary.Render(runbook, results));
            findings.Add(batch.Where(Findings.NeedsAttention));
        }

        var decision = runbook.Decision is { } tree
            ? await DecideAsync(incident, runbook, tree.Start, results.ToDictionary(r => r.Key, r => r.Value.Values, StringComparer.Ordinal), cancellationToken)
            : null;
        await findings.FinishAsync(decision);
        await progress.Shown;
    }

    /// <summary>Walks from <paramref name="from"/> and posts, in one message, each answer with its evidence and then the recommendation or the next question.</summary>
    public async Task WalkAsync(Incident incident, Runbook runbook, string from, IReadOnlyDictionary<string, IReadOnlyDictionary<string, ExpressionValue>> evidence, CancellationToken cancellationToken) =>
        await TryPostAsync(incident, await DecideAsync(incident, runbook, from, evidence, cancellationToken), cancellationToken);

    private async Task<ChatMessage> DecideAsync(Incident incident, Runbook runbook, string from, IReadOnlyDictionary<string, IReadOnlyDictionary<string, ExpressionValue>> evidence, CancellationToken cancellationToken)
    {
        var walk = DecisionWalker.Walk(runbook.Decision!, from, evidence);
        var answered = DecisionRecord.FromEvidence(events, incident, runbook, walk).ToList();
        if (answered.Count > 0) await store.AppendAsync(answered, cancellationToken);
        // A recommendation offers what the checks found (a block's candidates), which the timeline holds.
        var timeline = walk.Leaf is null ? [] : await store.TimelineAsync(incident.Id, cancellationToken);
        return DecisionView.Walked(incident, runbook, walk, timeline);
    }

    // A post that fails must not stop the run: every result still reaches the timeline, the rest still posts.
    private async Task<PostedMessage?> TryPostAsync(Incident incident, ChatMessage message, CancellationToken cancellationToken)
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
