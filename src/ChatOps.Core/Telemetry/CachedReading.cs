using Microsoft.Extensions.Logging;

namespace ChatOps.Core.Telemetry;

/// <summary>
/// A slow answer (a count from the store, whether a chat platform answers) for callers that must not wait for it:
/// metrics scrapes and readiness probes, which come every few seconds on every replica, and a probe that times out
/// takes its replica out of service. The last answer serves while it is younger than <c>fresh</c>; an older one starts
/// one new read (never two at once), which a caller may wait for a moment. A read is given up after <c>limit</c>, so a
/// hung one does not stop the next. Null before the first answer and after a failed read: "unknown", where a stale
/// answer would mislead.
/// </summary>
public sealed partial class CachedReading<T>(
    string what, Func<CancellationToken, Task<T?>> read, TimeSpan fresh, TimeSpan limit, TimeProvider time, ILogger logger) where T : class
{
    private readonly Lock _gate = new();
    private Task? _reading;
    private T? _value;
    private long _readAt;

    /// <summary>The last answer, after starting a new read when it is old.</summary>
    public T? Latest()
    {
        Refresh();
        return Volatile.Read(ref _value);
    }

    /// <summary>The last answer, after waiting up to <paramref name="patience"/> for a new read when it is old.</summary>
    public async Task<T?> LatestAsync(TimeSpan patience, CancellationToken cancellationToken)
    {
        if (Refresh() is { } reading) await Task.WhenAny(reading, Task.Delay(patience, time, cancellationToken));
        return Volatile.Read(ref _value);
    }

    private Task? Refresh()
    {
        lock (_gate)
        {
            if (_reading is { IsCompleted: false }) return _reading;
            if (_readAt != 0 && time.GetElapsedTime(_readAt) < fresh) return null;
            return _reading = ReadAsync();
        }
    }

    private async Task ReadAsync()
    {
        await Task.Yield(); // The caller holds the gate: the read runs after it is let go.
        try
        {
            using var deadline = new CancellationTokenSource(limit, time);
            Volatile.Write(ref _value, await read(deadline.Token));
        }
        catch (Exception e)
        {
            Volatile.Write(ref _value, null);
            LogReadFailed(logger, e, what);
        }
        finally
        {
            lock (_gate) _readAt = time.GetTimestamp();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the {What}; it reads as unknown until a read succeeds")]
    private static partial void LogReadFailed(ILogger logger, Exception exception, string what);
}
