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

    /// <summary>A second click of the same button by the same person within this is a double click.</summary>
    public TimeSpan RepeatWindow { get; set; } = TimeSpan.FromSeconds(2);
}
