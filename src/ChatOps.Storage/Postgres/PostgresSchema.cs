using System.Net.Sockets;
using Npgsql;

namespace ChatOps.Storage.Postgres;

/// <summary>The PostgreSQL server's schema and readiness: a server that does not answer is waited for, not a wrong setting.</summary>
public sealed class PostgresSchema(PostgresDatabase database) : IStorageSchema
{
    // Readiness probes give up after a few seconds; a server slower than this to take one row is an answer, not a wait.
    private static readonly TimeSpan ProbeLimit = TimeSpan.FromSeconds(3);

    public string Description => database.Description;

    public string Setting => "ConnectionStrings:Postgres";

    public bool WaitsForServer => true;

    public Task MigrateAsync(CancellationToken cancellationToken) => database.MigrateAsync(cancellationToken);

    // The server checks its own pages (checksums, WAL); there is no file of ours to walk.
    public Task<string?> QuickCheckAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    public async Task ProbeWriteAsync(CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(ProbeLimit);
        try
        {
            await database.RunAsync(async connection =>
            {
                await using var command = connection.Command(
                    "INSERT INTO storage_probe (id, probed_at) VALUES (1, @at) ON CONFLICT (id) DO UPDATE SET probed_at = excluded.probed_at")
                    .WithTime("at", database.Time.GetUtcNow());
                return await command.ExecuteNonQueryAsync(limit.Token);
            }, limit.Token);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{database.Description} did not take a write within {ProbeLimit.TotalSeconds:0} s", e);
        }
    }

    public bool IsStorageFailure(Exception exception) =>
        exception is NpgsqlException or SocketException or TimeoutException or IOException;
}
