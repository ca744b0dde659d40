namespace ChatOps.Core.Work;

/// <summary>
/// One piece of work handed off after a request was acknowledged. <see cref="Payload"/> is the owner's JSON, stored as
/// text; items with the same <see cref="OrderingKey"/> run one after another, in order. <see cref="Id"/> stays the
/// same across attempts, so the effects of a retried item are recognised as its own (<see cref="WorkScope"/>).
/// <see cref="DeliveryKey"/>, the platform's id of the delivery, makes a retried delivery one item.
/// </summary>
public sealed record WorkItem(string Kind, string Payload, string? OrderingKey = null, string? DeliveryKey = null)
{
    public Guid Id { get; init; } = Guid.NewGuid();

    /// <summary>When it was first enqueued (the store's clock).</summary>
    public DateTimeOffset EnqueuedAt { get; init; }
}
