using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace ChatOps.Slack.Outbound;

/// <summary>
/// One lane per channel: calls run strictly in the order they were made, each finishing (retries included)
/// before the next starts, so posts in a thread keep their order even when one waits out a 429. Posts also
/// spend a token of the channel's bucket: a short burst, then about one per second
/// (https://docs.slack.dev/apis/web-api/rate-limits: chat.postMessage allows about one message per second per channel).
/// </summary>
internal sealed class ChannelPacer(IOptionsMonitor<SlackOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Lane> _lanes = new(StringComparer.Ordinal);

    public async Task<T> RunAsync<T>(string channel, bool isPost, Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        var lane = _lanes.GetOrAdd(channel, _ => new Lane(options.CurrentValue.PostBurst, time.GetUtcNow()));
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
            if (isPost) await TakeTokenAsync(lane, cancellationToken);
            return await operation(cancellationToken);
        }
        finally
        {
            turn.TrySetResult();
        }
    }

    // Only the caller holding the lane's turn touches its bucket, so no lock is needed here.
    private async Task TakeTokenAsync(Lane lane, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var interval = settings.PostInterval;
        if (interval <= TimeSpan.Zero) return;
        Refill(lane, settings.PostBurst, interval);
        if (lane.Tokens < 1)
        {
            await Task.Delay(interval * (1 - lane.Tokens), time, cancellationToken);
            Refill(lane, settings.PostBurst, interval);
        }
        lane.Tokens = Math.Max(0, lane.Tokens - 1);
    }

    private void Refill(Lane lane, int burst, TimeSpan interval)
    {
        var now = time.GetUtcNow();
        lane.Tokens = Math.Min(burst, lane.Tokens + ((now - lane.RefilledAt) / interval));
        lane.RefilledAt = now;
    }

    private sealed class Lane(int tokens, DateTimeOffset now)
    {
        public Task Tail { get; set; } = Task.CompletedTask;
        public double Tokens { get; set; } = tokens;
        public DateTimeOffset RefilledAt { get; set; } = now;
    }
}
