using ChatOps.Core.Work;
using ChatOps.TestKit;

namespace ChatOps.Core.Tests.Delivery;

public sealed class InMemoryWorkQueueTests : WorkQueueContract
{
    protected override Task<IWorkQueue[]> CreateReplicasAsync(int count)
    {
        var queue = new InMemoryWorkQueue(Time);
        return Task.FromResult(Enumerable.Repeat<IWorkQueue>(queue, count).ToArray());
    }
}
