using ChatOps.Core.Alerts;
using ChatOps.Core.Incidents;
using ChatOps.Storage.Sqlite;
using ChatOps.TestKit;
using Microsoft.Data.Sqlite;

namespace ChatOps.Storage.Tests;

public sealed class SqliteAlertGroupStoreTests : AlertGroupStoreContract, IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("chatops-sqlite-alerts-");

    protected override async Task<(IAlertGroupStore Groups, IIncidentStore Incidents)> CreateStoresAsync()
    {
        var database = new SqliteDatabase(Path.Combine(_folder.FullName, $"{Guid.NewGuid():N}.db"));
        await database.MigrateAsync(default);
        return (new SqliteAlertGroupStore(database), new SqliteIncidentStore(database));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
