using System.Collections.Concurrent;
using ChatOps.Core.Pacing;
using Microsoft.Extensions.Options;

namespace ChatOps.Teams.Outbound;

/// <summary>
/// One lane per Teams channel or chat: its calls run strictly in the order they were made, each finishing (retries
/// included) before the next starts, so posts in a reply chain keep their order even while one waits out a 429; each
/// spends a token of the conversation's bucket (<see cref="TeamsPacingOptions.PostBurst"/>, then one per
/// <see cref="TeamsPacingOptions.PostInterval"/>), since Teams limits a bot per conversation. The tokens come from
/// <see cref="IPaceTokens"/>, shared between replicas when Redis is configured.
/// </summary>
internal sealed class ConversationPacer(IOptionsMonitor<TeamsPacingOptions> options, TimeProvider time, IPaceTokens tokens)
{
    private readonly ConcurrentDictionary<string, Lane> _lanes = new(StringComparer.Ordinal);

    public async Task<T> RunAsync<T>(string conversation, Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        var lane = _lanes.GetOrAdd(conversation, c => new Lane("teams:post:" + c));
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
            var settings = options.CurrentValue;
            if (settings.PostInterval > TimeSpan.Zero)
            {
                var wait = await tokens.TakeAsync(lane.Name, Math.Max(1, settings.PostBurst), settings.PostInterval, cancellationToken);
                if (wait > TimeSpan.Zero) await Task.Delay(wait, time, cancellationToken);
            }
            return await operation(cancellationToken);
        }
        finally
        {
            turn.TrySetResult();
        }
    }

    private sealed class Lane(string name)
    {
        public string Name { get; } = name;
        public Task Tail { get; set; } = Task.CompletedTask;
    }
}
