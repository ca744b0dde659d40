using ChatOps.Host.Workers;
using ChatOps.Storage;

namespace ChatOps.Host.Configuration;

/// <summary>The store the configuration chooses (ChatOps.Storage decides which), migrated before work is taken, and its readiness.</summary>
internal static class StorageRegistration
{
    public static WebApplicationBuilder AddChatOpsStorage(this WebApplicationBuilder builder)
    {
        builder.Services.AddChatOpsStorage(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddSingleton<Health.StorageStatus>();
        builder.Services.AddHostedService<StorageMigrationWorker>();
        builder.Services.AddHealthChecks().AddCheck<Health.StorageHealthCheck>("storage", tags: ["ready"]);
        return builder;
    }
}
