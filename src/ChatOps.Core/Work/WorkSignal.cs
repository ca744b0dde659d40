namespace ChatOps.Core.Work;

/// <summary>
/// Wakes this process's work runner when an item is enqueued or finished here, so that it need not wait for its next
/// poll; items enqueued by other replicas are found by polling.
/// </summary>
public sealed class WorkSignal : IDisposable
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Notify()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: one wake-up covers every item since the runner last looked.
        }
    }

    /// <summary>Returns when notified or after <paramref name="timeout"/>, whichever comes first.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _wake.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _wake.Dispose();
}
