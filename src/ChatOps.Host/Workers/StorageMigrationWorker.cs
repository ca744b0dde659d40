using ChatOps.Host.Configuration;
using ChatOps.Host.Health;
using ChatOps.Storage.Sqlite;

namespace ChatOps.Host.Workers;

/// <summary>
/// Brings the schema up to date and checks the file's structure once, at start; hosted services start before the
/// server listens. A damaged file does not stop the host: readiness says so, and liveness keeps it inspectable.
/// </summary>
internal sealed partial class StorageMigrationWorker(
    SqliteDatabase database,
    SqliteProbe probe,
    StorageIntegrity integrity,
    ILogger<StorageMigrationWorker> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await database.MigrateAsync(cancellationToken);
            integrity.Problem = await probe.QuickCheckAsync(cancellationToken);
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidConfigurationException(
                $"The database {database.Path} (Storage:Sqlite:Path) cannot be opened or migrated: {e.Message}", e);
        }
        if (integrity.Problem is { } problem) LogDamaged(database.Path, problem);
        else LogMigrated(database.Path);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage ready: SQLite at {Path}")]
    private partial void LogMigrated(string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storage damaged: PRAGMA quick_check of SQLite at {Path} found: {Problem}")]
    private partial void LogDamaged(string path, string problem);
}
