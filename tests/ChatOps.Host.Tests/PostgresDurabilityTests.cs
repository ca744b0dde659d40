using ChatOps.Core.Incidents;
using ChatOps.Storage.Postgres;
using Xunit.Abstractions;

namespace ChatOps.Host.Tests;

/// <summary>Production's storage: PostgreSQL, with Redis.</summary>
[Collection(ReplicaCollection.Name)]
public sealed class PostgresDurabilityTests(ReplicaServers servers, ITestOutputHelper output) : DurabilityProof(output)
{
    private PostgresDatabase? _database;

    protected override async Task<(IReadOnlyDictionary<string, string> Settings, IIncidentStore Store)> StorageAsync()
    {
        var connection = await servers.CreateDatabaseAsync();
        _database = new PostgresDatabase(connection);
        return (new Dictionary<string, string>
        {
            ["ConnectionStrings__Postgres"] = connection,
            ["ConnectionStrings__Redis"] = servers.RedisConnection,
        }, new PostgresIncidentStore(_database));
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
    }
}
