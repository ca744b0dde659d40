using Microsoft.Extensions.Time.Testing;

namespace ChatOps.TestKit;

/// <summary>
/// Runs async code one continuation at a time on the test's own thread and moves a <see cref="FakeTimeProvider"/> in
/// steps, running everything a step makes due before the next step. So a test can say "by 1.8 s these posts were made"
/// with no real clock, no sleep and no race between the code under test and the clock. Code that leaves for the thread
/// pool escapes it and comes back a step or more late: a <c>Task.Run</c>, a truly asynchronous socket, or a task built
/// on a <see cref="TaskCompletionSource"/> with <see cref="TaskCreationOptions.RunContinuationsAsynchronously"/> that
/// something other than an <c>await</c> waits on (<c>Task.WhenAny</c>, <c>WaitAsync</c>). What runs in memory on fake
/// timers and plain awaits stays on it.
/// </summary>
public sealed class StepRunner(FakeTimeProvider time)
{
    private readonly StepContext _context = new();

    public FakeTimeProvider Time => time;

    /// <summary>Starts <paramref name="work"/> and runs it until it waits on the clock (or finishes).</summary>
    public Task<T> Start<T>(Func<Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        Task<T>? started = null;
        _context.Run(() => started = work());
        return started!;
    }

    /// <summary>Runs <paramref name="action"/> (releasing a gate, say) and everything it lets go on.</summary>
    public void Run(Action action) => _context.Run(action);

    /// <summary>Moves the clock by <paramref name="by"/> and runs everything that became due.</summary>
    public void Advance(TimeSpan by) => _context.Run(() => time.Advance(by));

    /// <summary>
    /// Moves the clock in steps of <paramref name="step"/> until <paramref name="done"/> holds or <paramref name="limit"/>
    /// has passed; true when it held.
    /// </summary>
    public bool AdvanceUntil(Func<bool> done, TimeSpan step, TimeSpan limit)
    {
        ArgumentNullException.ThrowIfNull(done);
        for (var passed = TimeSpan.Zero; !done(); passed += step)
        {
            if (passed >= limit) return false;
            Advance(step);
        }
        return true;
    }

    /// <summary>A queue of continuations, drained on the thread that runs it.</summary>
    private sealed class StepContext : SynchronizationContext
    {
        private readonly Queue<(SendOrPostCallback Callback, object? State)> _queue = new();
        private readonly Lock _gate = new();

        public override void Post(SendOrPostCallback d, object? state)
        {
            lock (_gate) _queue.Enqueue((d, state));
        }

        public override void Send(SendOrPostCallback d, object? state) =>
            throw new NotSupportedException("The step runner runs continuations in turn; it cannot run one synchronously.");

        public override SynchronizationContext CreateCopy() => this;

        public void Run(Action action)
        {
            var previous = Current;
            SetSynchronizationContext(this);
            try
            {
                action();
                while (TryTake(out var next)) next.Callback(next.State);
            }
            finally
            {
                SetSynchronizationContext(previous);
            }
        }

        private bool TryTake(out (SendOrPostCallback Callback, object? State) next)
        {
            lock (_gate) return _queue.TryDequeue(out next);
        }
    }
}
