using ChatOps.Core.Access;
using ChatOps.Core.Mitigations;
using ChatOps.LocalWorkspace;
using Microsoft.Extensions.Options;

namespace ChatOps.Host.Configuration;

/// <summary>With the local workspace on, its approving responder is a configured approver, as an operator would list one.</summary>
internal sealed class LocalWorkspaceApprover(IConfiguration configuration, IHostEnvironment environment) : IPostConfigureOptions<ApprovalOptions>
{
    private static readonly string Approver = new PersonId("slack", WorkspaceDirectory.Approver).ToString();

    public void PostConfigure(string? name, ApprovalOptions options)
    {
        if (LocalWorkspaceRegistration.IsOn(configuration, environment) && !options.Approvers.Contains(Approver)) options.Approvers.Add(Approver);
    }
}
