namespace ChatOps.Core.Work;

/// <summary>
/// One piece of work handed off after a request was acknowledged. <see cref="Payload"/> is the owner's JSON, so a
/// durable queue can store it as text; items with the same <see cref="OrderingKey"/> run one after another, in order.
/// </summary>
public sealed record WorkItem(string Kind, string Payload, string? OrderingKey = null)
{
    public Guid Id { get; init; } = Guid.NewGuid();
}
