namespace ChatOps.Core.Delivery;

/// <summary>Recognises a delivery seen before (a platform's retry, a double click), so that it is processed once.</summary>
public interface IDeliveryDeduplicator
{
    /// <summary>True the first time <paramref name="key"/> is claimed within <paramref name="window"/>; false for a repeat.</summary>
    ValueTask<bool> TryClaimAsync(string key, TimeSpan window, CancellationToken cancellationToken);

    /// <summary>Gives a claim back: what it guarded was not done, so the next delivery of <paramref name="key"/> is no repeat.</summary>
    ValueTask ReleaseAsync(string key, CancellationToken cancellationToken);
}
