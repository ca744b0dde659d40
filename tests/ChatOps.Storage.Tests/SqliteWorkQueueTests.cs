using ChatOps.Core.Delivery;
using ChatOps.Core.Work;
using ChatOps.Storage.Sqlite;
using ChatOps.TestKit;

namespace ChatOps.Storage.Tests;

/// <summary>The durable queue on SQLite against the shared contract; replicas are separate databases on one file.</summary>
public sealed class SqliteWorkQueueTests : WorkQueueContract, IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("chatops-work-");

    protected override async Task<IWorkQueue[]> CreateReplicasAsync(int count)
    {
        var path = Path.Combine(_folder.FullName, $"{Guid.NewGuid():N}.db");
        var replicas = new IWorkQueue[count];
        for (var i = 0; i < count; i++)
        {
            var database = new SqliteDatabase(path, Time);
            await database.MigrateAsync(default);
            replicas[i] = new SqliteWorkQueue(database);
        }
        return replicas;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}

public sealed class SqliteDeliveryDeduplicatorTests : DeliveryDeduplicatorContract, IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("chatops-claims-");

    protected override async Task<IDeliveryDeduplicator> CreateAsync()
    {
        var database = new SqliteDatabase(Path.Combine(_folder.FullName, "claims.db"), Time);
        await database.MigrateAsync(default);
        return new SqliteDeliveryDeduplicator(database);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
