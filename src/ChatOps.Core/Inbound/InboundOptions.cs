namespace ChatOps.Core.Inbound;

/// <summary>Configuration section <c>Inbound</c>: how deliveries from chat platforms are recognised as repeats.</summary>
public sealed class InboundOptions
{
    public const string SectionName = "Inbound";

    /// <summary>
    /// How long a delivery is remembered after it ran (the work queue keeps finished items this long): Slack retries an
    /// event for about 5 minutes, a slash command's signature lives 5 minutes.
    /// </summary>
    public TimeSpan DeliveryWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long the door waits for the store to record a delivery before it answers "try again": Slack gives up on an
    /// acknowledgement after 3 seconds (and Socket Mode's is sent by then), so a slower store must not be taken for one
    /// that accepted.
    /// </summary>
    public TimeSpan StoreTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A second click of the same button by the same person within this is a double click.</summary>
    public TimeSpan RepeatWindow { get; set; } = TimeSpan.FromSeconds(2);
}
