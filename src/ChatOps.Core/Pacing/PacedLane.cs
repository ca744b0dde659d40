namespace ChatOps.Core.Pacing;

/// <summary>
/// Calls that must reach a platform one at a time in the order they were made (posts in one thread, say): each waits for
/// the one before it to finish, retries included, then for a token of the lane's bucket. Only the caller holding the
/// turn takes a token, so this process's calls take them in call order; the buckets may be shared by replicas
/// (<see cref="IPaceTokens"/>).
/// </summary>
public sealed class PacedLane(string name, IPaceTokens tokens, TimeProvider time)
{
    private readonly Lock _gate = new();
    private Task _tail = Task.CompletedTask;

    /// <summary>The bucket's name, e.g. <c>slack:post:C123</c>.</summary>
    public string Name { get; } = name;

    /// <summary>Runs <paramref name="operation"/> in turn; an <paramref name="interval"/> of zero paces nothing.</summary>
    public async Task<T> RunAsync<T>(int burst, TimeSpan interval, Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        var turn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task previous;
        lock (_gate)
        {
            previous = _tail;
            _tail = turn.Task;
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
            if (interval > TimeSpan.Zero)
            {
                var wait = await tokens.TakeAsync(Name, Math.Max(1, burst), interval, cancellationToken);
                if (wait > TimeSpan.Zero) await Task.Delay(wait, time, cancellationToken);
            }
            return await operation(cancellationToken);
        }
        finally
        {
            turn.TrySetResult();
        }
    }
}
