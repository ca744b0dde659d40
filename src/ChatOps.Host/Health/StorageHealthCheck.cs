using ChatOps.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatOps.Host.Health;

/// <summary>
/// Ready when the store was migrated and sound at start and takes a write now. A read would pass on a read-only,
/// locked, full or replaced file, and the first incident declared would be the one to find out.
/// </summary>
internal sealed class StorageHealthCheck(IStorageSchema schema, StorageStatus status) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (status.Problem is { } problem)
            return HealthCheckResult.Unhealthy($"PRAGMA quick_check at start found the database damaged: {problem}");
        if (!status.IsMigrated)
            return HealthCheckResult.Unhealthy(
                $"the database is unreachable ({schema.Description}), retrying: {status.Unreachable ?? "not migrated yet"}");
        try
        {
            await schema.ProbeWriteAsync(cancellationToken);
            return HealthCheckResult.Healthy("the database took a write");
        }
        catch (Exception e) when (schema.IsStorageFailure(e))
        {
            return HealthCheckResult.Unhealthy($"the database does not take a write: {e.Message}");
        }
    }
}
