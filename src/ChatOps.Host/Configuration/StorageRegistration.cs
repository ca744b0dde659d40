using ChatOps.Host.Workers;
using ChatOps.Storage;
using ChatOps.Storage.Sqlite;

namespace ChatOps.Host.Configuration;

/// <summary>The store the configuration chooses (ChatOps.Storage decides which), migrated before work is taken, and its readiness.</summary>
internal static class StorageRegistration
{
    private const string Section = "Storage";

    public static WebApplicationBuilder AddChatOpsStorage(this WebApplicationBuilder builder)
    {
        RefuseUnknownSettings(builder.Configuration.GetSection(Section));
        builder.Services.AddChatOpsStorage(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddSingleton<Health.StorageStatus>();
        builder.Services.AddHostedService<StorageMigrationWorker>();
        builder.Services.AddHealthChecks().AddCheck<Health.StorageHealthCheck>("storage", tags: ["ready"]);
        return builder;
    }

    /// <summary>
    /// <c>Storage:Sqlite:Path</c> is the section's only setting. Anything else there (a <c>Storage:Kind</c>, a
    /// <c>Storage:Postgres:ConnectionString</c>) means someone expected another store, and would otherwise leave each
    /// replica on a SQLite file of its own.
    /// </summary>
    private static void RefuseUnknownSettings(IConfigurationSection storage)
    {
        var path = $"{SqliteOptions.SectionName}:{nameof(SqliteOptions.Path)}";
        var unknown = storage.AsEnumerable()
            .Where(s => !string.IsNullOrEmpty(s.Value) && !string.Equals(s.Key, path, StringComparison.OrdinalIgnoreCase))
            .Select(s => s.Key)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidConfigurationException(
                $"{string.Join(", ", unknown)}: not a setting. The store is the SQLite file at {path}, or PostgreSQL when "
                + $"ConnectionStrings:{StorageServiceCollectionExtensions.PostgresConnectionName} (ConnectionStrings__Postgres) is set.");
        }
    }
}
