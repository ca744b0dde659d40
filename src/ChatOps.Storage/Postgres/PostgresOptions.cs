using Npgsql;

namespace ChatOps.Storage.Postgres;

/// <summary>
/// Configuration section <c>ConnectionStrings</c>: <c>Postgres</c>, when set, chooses the PostgreSQL store. It may hold
/// a password: it is never logged (only host, port and database are).
/// </summary>
public sealed class PostgresOptions
{
    public string? Postgres { get; set; }

    internal static bool Parses(string? connectionString)
    {
        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
            return !string.IsNullOrWhiteSpace(connectionString);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
