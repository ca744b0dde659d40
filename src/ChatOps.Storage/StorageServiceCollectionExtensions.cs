using ChatOps.Core.Alerts;
using ChatOps.Core.Chat;
using ChatOps.Core.Delivery;
using ChatOps.Core.Incidents;
using ChatOps.Core.Mitigations;
using ChatOps.Core.Work;
using ChatOps.Storage.Postgres;
using ChatOps.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ChatOps.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>The connection string that chooses PostgreSQL: <c>ConnectionStrings:Postgres</c>.</summary>
    public const string PostgresConnectionName = "Postgres";

    /// <summary>
    /// The stores (alert groups too), the work queue, the message journal, the delivery claims and <see cref="IStorageSchema"/>: on PostgreSQL
    /// when <c>ConnectionStrings:Postgres</c> is set, else in the embedded SQLite file at <c>Storage:Sqlite:Path</c>
    /// (relative to <paramref name="contentRoot"/>). The host migrates through <see cref="IStorageSchema"/> before work is taken.
    /// </summary>
    public static IServiceCollection AddChatOpsStorage(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        return string.IsNullOrWhiteSpace(configuration.GetConnectionString(PostgresConnectionName))
            ? services.AddSqlite(contentRoot)
            : services.AddPostgres();
    }

    private static IServiceCollection AddSqlite(this IServiceCollection services, string contentRoot)
    {
        services.AddOptions<SqliteOptions>().BindConfiguration(SqliteOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SqliteOptions>>().Value;
            var path = Path.IsPathRooted(options.Path) ? options.Path : Path.Combine(contentRoot, options.Path);
            return new SqliteDatabase(path, sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton(sp => new SqliteProbe(sp.GetRequiredService<SqliteDatabase>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IStorageSchema, SqliteSchema>();
        services.AddSingleton<IIncidentStore, SqliteIncidentStore>();
        services.AddSingleton<IMitigationStore, SqliteMitigationStore>();
        services.AddSingleton<IWorkQueue, SqliteWorkQueue>();
        services.AddSingleton<IMessageJournal, SqliteMessageJournal>();
        services.AddSingleton<IDeliveryDeduplicator, SqliteDeliveryDeduplicator>();
        services.AddSingleton<IAlertGroupStore, SqliteAlertGroupStore>();
        return services;
    }

    private static IServiceCollection AddPostgres(this IServiceCollection services)
    {
        services.AddOptions<PostgresOptions>().BindConfiguration("ConnectionStrings")
            .Validate(o => PostgresOptions.Parses(o.Postgres),
                "ConnectionStrings:Postgres (ConnectionStrings__Postgres) is not a PostgreSQL connection string; write it like Host=db;Database=chatops;Username=chatops;Password=...")
            .ValidateOnStart();
        // Built when first asked for, after validation: a server that is down does not stop the host, Npgsql connects on use.
        services.AddSingleton(sp => new PostgresDatabase(sp.GetRequiredService<IOptions<PostgresOptions>>().Value.Postgres!,
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IStorageSchema, PostgresSchema>();
        services.AddSingleton<IIncidentStore, PostgresIncidentStore>();
        services.AddSingleton<IMitigationStore, PostgresMitigationStore>();
        services.AddSingleton<IWorkQueue, PostgresWorkQueue>();
        services.AddSingleton<IMessageJournal, PostgresMessageJournal>();
        services.AddSingleton<IDeliveryDeduplicator, PostgresDeliveryDeduplicator>();
        services.AddSingleton<IAlertGroupStore, PostgresAlertGroupStore>();
        return services;
    }
}
