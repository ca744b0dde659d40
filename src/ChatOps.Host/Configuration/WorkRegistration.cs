using ChatOps.Core.Work;
using ChatOps.Host.Workers;
using Microsoft.Extensions.Options;

namespace ChatOps.Host.Configuration;

/// <summary>
/// The runner of the durable work queue (the queue itself belongs to the storage). The host waits for the runner's
/// shutdown grace, and a little more to hand back what did not finish.
/// </summary>
internal static class WorkRegistration
{
    /// <summary>The host's time after the grace to hand back what did not finish; a pod's termination grace must cover both.</summary>
    internal static readonly TimeSpan HandBack = TimeSpan.FromSeconds(5);

    public static WebApplicationBuilder AddChatOpsWork(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<WorkOptions>().BindConfiguration(WorkOptions.SectionName).ValidateDataAnnotations()
            .Validate(o => o.MaxBackoff >= o.Backoff,
                "Work:MaxBackoff must not be shorter than Work:Backoff (each retry doubles the delay up to it).")
            .ValidateOnStart();
        builder.Services.AddOptions<HostOptions>().Configure<IOptions<WorkOptions>>((host, work) =>
        {
            if (host.ShutdownTimeout < work.Value.ShutdownGrace + HandBack) host.ShutdownTimeout = work.Value.ShutdownGrace + HandBack;
        });
        builder.Services.AddHostedService<WorkQueueWorker>();
        return builder;
    }
}
