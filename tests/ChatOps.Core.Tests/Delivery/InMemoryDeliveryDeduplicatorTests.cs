using ChatOps.Core.Delivery;
using ChatOps.TestKit;

namespace ChatOps.Core.Tests.Delivery;

public sealed class InMemoryDeliveryDeduplicatorTests : DeliveryDeduplicatorContract
{
    protected override Task<IDeliveryDeduplicator> CreateAsync() => Task.FromResult<IDeliveryDeduplicator>(new InMemoryDeliveryDeduplicator(Time));
}
