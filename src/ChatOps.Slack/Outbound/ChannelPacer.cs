using System.Collections.Concurrent;
using ChatOps.Core.Pacing;
using Microsoft.Extensions.Options;

namespace ChatOps.Slack.Outbound;

/// <summary>
/// Lanes for Slack's rate limits (https://docs.slack.dev/apis/web-api/rate-limits). Posts go through one lane per
/// channel: strictly in the order they were made, each finishing (retries included) before the next starts, so posts in
/// a thread keep their order even when one waits out a 429; each spends a token of the channel's bucket, a short burst
/// and then about one per second, as <c>chat.postMessage</c> allows. Updates go through one lane for the workspace,
/// since <c>chat.update</c> is limited per workspace (Tier 3, about 50 a minute) and not per channel: an update never
/// waits behind a post that waits for its channel's token, and a post never waits behind an update.
/// The lanes order this process's calls; the tokens come from <see cref="IPaceTokens"/>, whose buckets replicas share
/// when Redis is configured, since Slack counts every replica's calls against the same limits.
/// </summary>
internal sealed class ChannelPacer(IOptionsMonitor<SlackOptions> options, TimeProvider time, IPaceTokens tokens)
{
    private const string UpdateLane = "slack:update";
    private readonly ConcurrentDictionary<string, Lane> _channels = new(StringComparer.Ordinal);
    private readonly Lane _updates = new(UpdateLane);

    /// <summary>A pacer whose buckets live in this process only.</summary>
    public ChannelPacer(IOptionsMonitor<SlackOptions> options, TimeProvider time)
        : this(options, time, new InProcessPaceTokens(time))
    {
    }

    /// <summary>A post into <paramref name="channel"/>: a message, an ephemeral, a file shared there.</summary>
    public Task<T> PostAsync<T>(string channel, Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var lane = _channels.GetOrAdd(channel, c => new Lane("slack:post:" + c));
        return RunAsync(lane, settings.PostBurst, settings.PostInterval, operation, cancellationToken);
    }

    /// <summary>An update of a message posted earlier, anywhere in the workspace.</summary>
    public Task<T> UpdateAsync<T>(Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        return RunAsync(_updates, settings.UpdateBurst, settings.UpdateInterval, operation, cancellationToken);
    }

    private async Task<T> RunAsync<T>(Lane lane, int burst, TimeSpan interval, Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        var turn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task previous;
        lock (lane)
        {
            previous = lane.Tail;
            lane.Tail = turn.Task;
        }
        try
        {
            await previous.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Leaving the queue early must not let the caller behind overtake the one ahead.
            _ = previous.ContinueWith(_ => turn.TrySetResult(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            throw;
        }
        try
        {
            await TakeTokenAsync(lane, burst, interval, cancellationToken);
            return await operation(cancellationToken);
        }
        finally
        {
            turn.TrySetResult();
        }
    }

    // Only the caller holding the lane's turn takes its token, so this process's calls take them in call order.
    private async Task TakeTokenAsync(Lane lane, int burst, TimeSpan interval, CancellationToken cancellationToken)
    {
        if (interval <= TimeSpan.Zero) return;
        var wait = await tokens.TakeAsync(lane.Name, burst, interval, cancellationToken);
        if (wait > TimeSpan.Zero) await Task.Delay(wait, time, cancellationToken);
    }

    private sealed class Lane(string name)
    {
        public string Name { get; } = name;
        public Task Tail { get; set; } = Task.CompletedTask;
    }
}
