using ChatOps.Core.Incidents;
using ChatOps.Storage.Sqlite;
using Xunit.Abstractions;

namespace ChatOps.Host.Tests;

/// <summary>The embedded default: one SQLite file.</summary>
public sealed class SqliteDurabilityTests(ITestOutputHelper output) : DurabilityProof(output)
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("chatops-durable-");

    protected override Task<(IReadOnlyDictionary<string, string> Settings, IIncidentStore Store)> StorageAsync()
    {
        var path = Path.Combine(_folder.FullName, "chatops.db");
        return Task.FromResult<(IReadOnlyDictionary<string, string>, IIncidentStore)>(
            (new Dictionary<string, string> { ["Storage__Sqlite__Path"] = path }, new SqliteIncidentStore(new SqliteDatabase(path))));
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
