using ChatOps.Targets;

namespace ChatOps.Host.Configuration;

/// <summary>What runbooks touch: the check executors, the <c>Targets</c> section that says where each target is, and the simulated targets drills play against.</summary>
internal static class TargetsRegistration
{
    public static WebApplicationBuilder AddChatOpsTargets(this WebApplicationBuilder builder)
    {
        builder.Services.AddChatOpsTargets(builder.Configuration).AddSimulatedTargets();
        return builder;
    }
}
