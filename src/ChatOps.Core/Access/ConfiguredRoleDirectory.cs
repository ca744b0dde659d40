using ChatOps.Core.Incidents;
using Microsoft.Extensions.Options;

namespace ChatOps.Core.Access;

/// <summary>Managers listed by user id in <see cref="IncidentOptions.Managers"/>.</summary>
public sealed class ConfiguredRoleDirectory(IOptionsMonitor<IncidentOptions> options) : IRoleDirectory
{
    public Task<bool> IsManagerAsync(string userId, CancellationToken cancellationToken) =>
        Task.FromResult(options.CurrentValue.Managers.Contains(userId, StringComparer.Ordinal));
}
