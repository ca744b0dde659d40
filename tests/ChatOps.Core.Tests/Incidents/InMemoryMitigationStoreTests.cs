using ChatOps.Core.Incidents;
using ChatOps.Core.Mitigations;
using ChatOps.TestKit;

namespace ChatOps.Core.Tests.Incidents;

public sealed class InMemoryMitigationStoreTests : MitigationStoreContract
{
    protected override Task<(IMitigationStore Store, IncidentId Incident)> CreateStoreAsync() =>
        Task.FromResult<(IMitigationStore, IncidentId)>((new InMemoryMitigationStore(), new IncidentId(2026, 7)));
}
