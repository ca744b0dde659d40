using ChatOps.Core.Access;
using ChatOps.LocalWorkspace;
using Microsoft.Extensions.Options;

namespace ChatOps.Host.Configuration;

/// <summary>With the local workspace on, its approving responder is a configured approver, as an operator would list one.</summary>
internal sealed class LocalWorkspaceApprover(IConfiguration configuration) : IPostConfigureOptions<RoleOptions>
{
    private static readonly string Approver = new PersonId("slack", WorkspaceDirectory.Approver).ToString();

    public void PostConfigure(string? name, RoleOptions options)
    {
        if (LocalWorkspaceRegistration.IsOn(configuration) && !options.Approvers.Contains(Approver)) options.Approvers.Add(Approver);
    }
}
