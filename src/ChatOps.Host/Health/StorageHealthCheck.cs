using ChatOps.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatOps.Host.Health;

/// <summary>
/// Ready when the database file was sound at start and takes a write now. A read would pass on a read-only, locked,
/// full or replaced file, and the first incident declared would be the one to find out.
/// </summary>
internal sealed class StorageHealthCheck(SqliteProbe probe, StorageIntegrity integrity) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (integrity.Problem is { } problem)
            return HealthCheckResult.Unhealthy($"PRAGMA quick_check at start found the database damaged: {problem}");
        try
        {
            await probe.WriteAsync(cancellationToken);
            return HealthCheckResult.Healthy("the database took a write");
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            return HealthCheckResult.Unhealthy($"the database does not take a write: {e.Message}");
        }
    }
}
