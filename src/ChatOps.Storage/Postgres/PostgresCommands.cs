using Npgsql;
using NpgsqlTypes;

namespace ChatOps.Storage.Postgres;

internal static class PostgresCommands
{
    public static NpgsqlCommand Command(this NpgsqlConnection connection, string sql, NpgsqlTransaction? transaction = null) =>
        new(sql, connection, transaction);

    public static NpgsqlCommand With(this NpgsqlCommand command, string name, object? value)
    {
        command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    // A JSON column takes its text as jsonb: sent as text it would be refused, the column being typed.
    public static NpgsqlCommand WithJson(this NpgsqlCommand command, string name, string? json)
    {
        command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Jsonb) { Value = (object?)json ?? DBNull.Value });
        return command;
    }

    // timestamptz takes only UTC from Npgsql: a DateTimeOffset with another offset is refused, not converted.
    public static NpgsqlCommand WithTime(this NpgsqlCommand command, string name, DateTimeOffset? at) =>
        command.With(name, at?.ToUniversalTime());

    public static DateTimeOffset GetTime(this NpgsqlDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

    public static string? GetNullableString(this NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
