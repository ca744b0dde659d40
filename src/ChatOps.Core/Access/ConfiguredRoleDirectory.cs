using ChatOps.Core.Incidents;
using ChatOps.Core.Mitigations;
using Microsoft.Extensions.Options;

namespace ChatOps.Core.Access;

/// <summary>Managers and approvers listed by user id in configuration (<c>Incidents:Managers</c>, <c>Approvals:Approvers</c>).</summary>
public sealed class ConfiguredRoleDirectory(IOptionsMonitor<IncidentOptions> incidents, IOptionsMonitor<ApprovalOptions> approvals) : IRoleDirectory
{
    public Task<bool> IsManagerAsync(string userId, CancellationToken cancellationToken) =>
        Task.FromResult(incidents.CurrentValue.Managers.Contains(userId, StringComparer.Ordinal));

    public Task<bool> IsApproverAsync(string userId, CancellationToken cancellationToken) =>
        Task.FromResult(approvals.CurrentValue.Approvers.Contains(userId, StringComparer.Ordinal));
}
