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

    private static async Task<CheckObservation> ReadAsync(NpgsqlDataReader reader, PostgresCheck spec, CancellationToken cancellationToken)
    {
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var valueOrdinal = spec.ValueColumn is null ? -1 : columns.IndexOf(spec.ValueColumn);
        if (spec.ValueColumn is not null && valueOrdinal < 0)
            throw new CheckFailedException(
                $"the query has no column '{spec.ValueColumn}' (value-column); it has {string.Join(", ", columns)}");

        var rows = new List<IReadOnlyList<string>>();
        double? value = null;
        var more = false;
        while (await reader.ReadAsync(cancellationToken))
        {
            if (rows.Count == spec.MaxRows)
            {
                more = true;
                break;
            }
            if (rows.Count == 0 && valueOrdinal >= 0) value = PostgresCells.Number(reader, valueOrdinal);
            rows.Add([.. columns.Select((_, i) => PostgresCells.Text(reader, i))]);
        }

        var values = new Dictionary<string, ExpressionValue>(StringComparer.Ordinal) { ["count"] = ExpressionValue.Of(rows.Count) };
        if (value is { } v) values["value"] = ExpressionValue.Of(v);
        var summary = rows.Count switch
        {
            0 => "no rows",
            1 => "1 row",
            _ => string.Create(CultureInfo.InvariantCulture, $"{rows.Count} rows"),
        };
        if (more) summary = string.Create(CultureInfo.InvariantCulture, $"first {rows.Count} rows (max-rows); the query has more");
        if (spec.ValueColumn is not null && rows.Count > 0)
            summary = $"{spec.ValueColumn} = {(value is { } n ? NumberText.Format(n) : "null")} · {summary}";
        var empty = rows.Count == 0 ? "the query returned no rows"
            : spec.ValueColumn is not null && value is null ? $"{spec.ValueColumn} is null in the first row"
            : null;
        return new CheckObservation(values, summary, rows.Count == 0 ? null : new TableBlock(columns, rows), NoData: empty);
    }
}
