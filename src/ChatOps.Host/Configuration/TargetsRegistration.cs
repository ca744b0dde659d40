using ChatOps.Targets;

namespace ChatOps.Host.Configuration;

/// <summary>What runbooks touch: the check executors and the <c>Targets</c> section that says where each target is.</summary>
internal static class TargetsRegistration
{
    public static WebApplicationBuilder AddChatOpsTargets(this WebApplicationBuilder builder)
    {
        builder.Services.AddChatOpsTargets(builder.Configuration);
        return builder;
    }
}
