using System.Collections.Concurrent;
using Npgsql;

namespace ChatOps.Targets.Checks;

/// <summary>One pooled data source per Postgres target, kept for the life of the process.</summary>
internal sealed class PostgresDataSources : IAsyncDisposable, IDisposable
{
    private readonly ConcurrentDictionary<string, NpgsqlDataSource> _sources = new(StringComparer.OrdinalIgnoreCase);

    public NpgsqlDataSource Get(string targetName, string connectionString) =>
        _sources.GetOrAdd(targetName, _ =>
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            // Shows in pg_stat_activity, so a DBA can tell the bot's queries from the platform's.
            builder.ApplicationName ??= "chatops-checks";
            return NpgsqlDataSource.Create(builder);
        });

    public void Dispose()
    {
        foreach (var source in _sources.Values) source.Dispose();
        _sources.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var source in _sources.Values) await source.DisposeAsync();
        _sources.Clear();
    }
}
