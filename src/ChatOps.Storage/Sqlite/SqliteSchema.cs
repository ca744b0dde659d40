using Microsoft.Data.Sqlite;

namespace ChatOps.Storage.Sqlite;

/// <summary>The embedded database's schema and readiness: a file that cannot be opened at start is a wrong setting.</summary>
public sealed class SqliteSchema(SqliteDatabase database, SqliteProbe probe) : IStorageSchema
{
    public string Description => database.Path;

    public string Setting => "Storage:Sqlite:Path";

    public bool WaitsForServer => false;

    public Task MigrateAsync(CancellationToken cancellationToken) => database.MigrateAsync(cancellationToken);

    public Task<string?> QuickCheckAsync(CancellationToken cancellationToken) => probe.QuickCheckAsync(cancellationToken);

    public Task ProbeWriteAsync(CancellationToken cancellationToken) => probe.WriteAsync(cancellationToken);

    public bool IsStorageFailure(Exception exception) => exception is SqliteException or IOException or UnauthorizedAccessException;
}
