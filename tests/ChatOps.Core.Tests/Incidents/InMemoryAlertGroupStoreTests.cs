using ChatOps.Core.Alerts;
using ChatOps.Core.Incidents;
using ChatOps.TestKit;

namespace ChatOps.Core.Tests.Incidents;

/// <summary>The test kit's fake keeps the same contract as the real stores, so core tests on it mean something.</summary>
public sealed class InMemoryAlertGroupStoreTests : AlertGroupStoreContract
{
    protected override Task<(IAlertGroupStore Groups, IIncidentStore Incidents)> CreateStoresAsync() =>
        Task.FromResult<(IAlertGroupStore, IIncidentStore)>((new InMemoryAlertGroupStore(), new InMemoryIncidentStore()));
}
