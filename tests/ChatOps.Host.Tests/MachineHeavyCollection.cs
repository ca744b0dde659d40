namespace ChatOps.Host.Tests;

/// <summary>
/// Tests that must not run beside each other: the image build publishes the whole host (both cores busy for minutes),
/// and a scrape that outlasts Prometheus's timeout marks every series of the bot stale until the next one succeeds.
/// </summary>
[CollectionDefinition(Name)]
public sealed class MachineHeavyCollection
{
    public const string Name = "machine-heavy";
}
