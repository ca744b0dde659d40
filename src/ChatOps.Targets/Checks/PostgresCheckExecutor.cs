using System.Globalization;
using ChatOps.Core.Chat;
using ChatOps.Core.Checks;
using ChatOps.Core.Expressions;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Runs;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace ChatOps.Targets.Checks;

/// <summary>
/// One query in a read-only transaction with a server-side statement timeout; the runbook's parameters are
/// bound as parameters, never pasted into the SQL. The target's role should be read-only too: this is a second fence.
/// </summary>
internal sealed class PostgresCheckExecutor(
    PostgresDataSources sources,
    TargetDirectory targets,
    IOptions<CheckOptions> checkOptions) : ICheckExecutor
{
    public string Kind => "postgres";

    public async Task<CheckObservation> ExecuteAsync(CheckDefinition check, CancellationToken cancellationToken)
    {
        var spec = (PostgresCheck)check.Spec;
        var target = targets.Resolve(check);
        var source = sources.Get(check.Target, target.ConnectionString!);
        var timeout = check.Timeout ?? checkOptions.Value.DefaultTimeout;
        try
        {
            await using var connection = await source.OpenConnectionAsync(cancellationToken);
            // Never committed: disposing rolls the transaction back.
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var setup = new NpgsqlCommand(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"SET TRANSACTION READ ONLY; SET LOCAL statement_timeout = {(long)timeout.TotalMilliseconds}"),
                connection, transaction))
            {
                await setup.ExecuteNonQueryAsync(cancellationToken);
            }
            await using var command = new NpgsqlCommand(spec.Sql, connection, transaction) { CommandTimeout = 0 };
            foreach (var (name, value) in spec.Parameters)
                command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Text) { Value = value });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await ReadAsync(reader, spec, cancellationToken);
        }
        catch (PostgresException e)
        {
            throw new CheckFailedException($"Postgres {e.SqlState}: {e.MessageText}", e);
        }
        catch (NpgsqlException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CheckFailedException($"cannot reach Postgres target '{check.Target}': {e.InnerException?.Message ?? e.Message}", e);
        }
    }

    /// <summary>Reads one row more than <c>max-rows</c>, which says that the query has more and is not shown.</summary>
    private static async Task<CheckObservation> ReadAsync(NpgsqlDataReader reader, PostgresCheck spec, CancellationToken cancellationToken)
    {
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var rows = new List<IReadOnlyList<ReplyCell>>();
        while (rows.Count <= spec.MaxRows && await reader.ReadAsync(cancellationToken))
            rows.Add([.. columns.Select((_, i) => PostgresCells.Cell(reader, i))]);
        return PostgresAnswer.Read(spec, new PostgresReply(columns, rows));
    }
}
