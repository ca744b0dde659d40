using ChatOps.Core.Incidents;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatOps.Host.Health;

/// <summary>Ready when the incident store answers a read.</summary>
internal sealed class StorageHealthCheck(IIncidentStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.ListOpenAsync(new ChatPlace("health", "health"), cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is System.Data.Common.DbException or IOException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy($"the incident store does not answer: {e.Message}");
        }
    }
}
