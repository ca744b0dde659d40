namespace ChatOps.Core.Pacing;

/// <summary>
/// Token buckets that pace calls to a platform's rate-limited methods. A bucket holds at most a burst of tokens and
/// gains one per interval; a take always reserves a token, and answers how long the caller waits before using it.
/// </summary>
public interface IPaceTokens
{
    /// <summary>Reserves a token of <paramref name="lane"/>'s bucket: zero when one was free, otherwise the wait until it is.</summary>
    ValueTask<TimeSpan> TakeAsync(string lane, int burst, TimeSpan interval, CancellationToken cancellationToken);
}
