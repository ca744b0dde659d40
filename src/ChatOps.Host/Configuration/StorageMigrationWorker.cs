using ChatOps.Storage.Sqlite;

namespace ChatOps.Host.Configuration;

/// <summary>Brings the schema up to date at start; hosted services start before the server listens.</summary>
internal sealed partial class StorageMigrationWorker(SqliteDatabase database, ILogger<StorageMigrationWorker> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await database.MigrateAsync(cancellationToken);
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidConfigurationException($"The database {database.Path} (Storage:Sqlite:Path) cannot be opened or migrated: {e.Message}", e);
        }
        LogMigrated(database.Path);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage ready: SQLite at {Path}")]
    private partial void LogMigrated(string path);
}
