using ChatOps.Core.Alerts;
using ChatOps.Core.Delivery;
using ChatOps.Core.Incidents;
using ChatOps.Core.Mitigations;
using ChatOps.Core.Work;
using ChatOps.Storage.Postgres;
using ChatOps.TestKit;

namespace ChatOps.Storage.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresIncidentStoreTests(PostgresFixture fixture) : IncidentStoreContract, IDisposable
{
    private readonly PostgresDatabases _databases = new(fixture);

    protected override async Task<IIncidentStore> CreateStoreAsync() => new PostgresIncidentStore(await _databases.CreateAsync());

    public void Dispose() => _databases.Dispose();
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresMitigationStoreTests(PostgresFixture fixture) : MitigationStoreContract, IDisposable
{
    private readonly PostgresDatabases _databases = new(fixture);

    protected override async Task<(IMitigationStore Store, IncidentId Incident)> CreateStoreAsync()
    {
        var database = await _databases.CreateAsync();
        var incident = await new PostgresIncidentStore(database).CreateAsync(
            new NewIncident("mitigated", Severity.Sev2, new ChatPlace("slack", "C1"), TestPeople.P("U1"), DateTimeOffset.UnixEpoch.AddYears(56), null),
            _ => [], default);
        return (new PostgresMitigationStore(database), incident.Id);
    }

    public void Dispose() => _databases.Dispose();
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresAlertGroupStoreTests(PostgresFixture fixture) : AlertGroupStoreContract, IDisposable
{
    private readonly PostgresDatabases _databases = new(fixture);

    protected override async Task<(IAlertGroupStore Groups, IIncidentStore Incidents)> CreateStoresAsync()
    {
        var database = await _databases.CreateAsync();
        return (new PostgresAlertGroupStore(database), new PostgresIncidentStore(database));
    }

    public void Dispose() => _databases.Dispose();
}

/// <summary>Each replica is a pool of its own on one schema, as two hosts on one server are.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresWorkQueueTests(PostgresFixture fixture) : WorkQueueContract, IDisposable
{
    private readonly PostgresDatabases _databases = new(fixture);

    protected override async Task<IWorkQueue[]> CreateReplicasAsync(int count)
    {
        var schema = await fixture.CreateSchemaAsync();
        var replicas = new IWorkQueue[count];
        for (var i = 0; i < count; i++) replicas[i] = new PostgresWorkQueue(await _databases.OpenAsync(schema, Time));
        return replicas;
    }

    public void Dispose() => _databases.Dispose();
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresDeliveryDeduplicatorTests(PostgresFixture fixture) : DeliveryDeduplicatorContract, IDisposable
{
    private readonly PostgresDatabases _databases = new(fixture);

    protected override async Task<IDeliveryDeduplicator> CreateAsync() => new PostgresDeliveryDeduplicator(await _databases.CreateAsync(Time));

    public void Dispose() => _databases.Dispose();
}
