using ChatOps.Core.Incidents;
using ChatOps.Host.Workers;
using ChatOps.Storage.Sqlite;

namespace ChatOps.Host.Configuration;

/// <summary>The embedded default: a SQLite file, migrated before the host takes requests.</summary>
internal static class StorageRegistration
{
    public static WebApplicationBuilder AddChatOpsStorage(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SqliteOptions>().BindConfiguration(SqliteOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<SqliteOptions>>().Value;
            var path = Path.IsPathRooted(options.Path) ? options.Path : Path.Combine(builder.Environment.ContentRootPath, options.Path);
            return new SqliteDatabase(path, sp.GetRequiredService<TimeProvider>());
        });
        builder.Services.AddSingleton(sp =>
            new SqliteProbe(sp.GetRequiredService<SqliteDatabase>(), sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<Health.StorageIntegrity>();
        builder.Services.AddSingleton<IIncidentStore, SqliteIncidentStore>();
        builder.Services.AddSingleton<ChatOps.Core.Mitigations.IMitigationStore, SqliteMitigationStore>();
        builder.Services.AddSingleton<ChatOps.Core.Work.IWorkQueue, SqliteWorkQueue>();
        builder.Services.AddSingleton<ChatOps.Core.Chat.IMessageJournal, SqliteMessageJournal>();
        builder.Services.AddSingleton<ChatOps.Core.Delivery.IDeliveryDeduplicator, SqliteDeliveryDeduplicator>();
        builder.Services.AddHostedService<StorageMigrationWorker>();
        builder.Services.AddHealthChecks().AddCheck<Health.StorageHealthCheck>("storage", tags: ["ready"]);
        return builder;
    }
}
