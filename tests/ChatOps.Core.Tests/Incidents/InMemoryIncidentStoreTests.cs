using ChatOps.Core.Incidents;
using ChatOps.TestKit;

namespace ChatOps.Core.Tests.Incidents;

/// <summary>The test kit's fake keeps the same contract as the real stores, so core tests on it mean something.</summary>
public sealed class InMemoryIncidentStoreTests : IncidentStoreContract
{
    protected override Task<IIncidentStore> CreateStoreAsync() => Task.FromResult<IIncidentStore>(new InMemoryIncidentStore());
}
