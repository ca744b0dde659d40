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

    /// <summary>
    /// The W3C <c>traceparent</c> of the request that enqueued it (https://www.w3.org/TR/trace-context/#traceparent-header),
    /// stored with it so that its run, on any replica and after a restart, is a span of that request's trace; null when
    /// nothing was traced.
    /// </summary>
    public string? TraceParent { get; init; }
}
