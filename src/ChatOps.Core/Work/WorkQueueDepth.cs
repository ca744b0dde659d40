namespace ChatOps.Core.Work;

/// <summary>Items waiting (including those waiting for a retry), running under a live lease, and parked as dead.</summary>
public sealed record WorkQueueDepth(long Waiting, long Running, long Dead, DateTimeOffset? OldestWaitingSince);
