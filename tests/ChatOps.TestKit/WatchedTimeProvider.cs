using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.TestKit;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that reports every timer it starts, so a test can await the code under test
/// beginning to wait (a backoff, a deadline) and then advance exactly past it, instead of sleeping.
/// </summary>
public sealed class WatchedTimeProvider : FakeTimeProvider
{
    private readonly Channel<TimeSpan> _started = Channel.CreateUnbounded<TimeSpan>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _started.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>The due time of the next timer started whose due time matches, skipping the others.</summary>
    public async Task<TimeSpan> NextTimerAsync(Func<TimeSpan, bool> matches, CancellationToken cancellationToken)
    {
        while (true)
        {
            var dueTime = await _started.Reader.ReadAsync(cancellationToken);
            if (matches(dueTime)) return dueTime;
        }
    }
}
