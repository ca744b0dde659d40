using ChatOps.Core.Delivery;
using ChatOps.Core.Work;
using ChatOps.Host.Workers;

namespace ChatOps.Host.Configuration;

/// <summary>
/// The embedded default's background work and delivery de-duplication, both in this process. Production replicas
/// will share a PostgreSQL-backed durable queue and Redis claims instead (later issues).
/// </summary>
internal static class WorkRegistration
{
    public static WebApplicationBuilder AddChatOpsWork(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<WorkOptions>().BindConfiguration(WorkOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IWorkQueue, InProcessWorkQueue>();
        builder.Services.AddSingleton<IDeliveryDeduplicator, InProcessDeliveryDeduplicator>();
        builder.Services.AddHostedService<WorkQueueWorker>();
        return builder;
    }
}
