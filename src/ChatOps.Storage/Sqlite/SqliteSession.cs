using System.Data;
using Microsoft.Data.Sqlite;

namespace ChatOps.Storage.Sqlite;

/// <summary>
/// An open connection lent to one operation at a time, with every statement prepared on it kept for the next
/// operation: preparing a statement costs several times more than running a small one, and Microsoft.Data.Sqlite
/// finalizes a command's statements whenever its connection closes, even into its own pool.
/// </summary>
internal sealed class SqliteSession : IAsyncDisposable
{
    private readonly SqliteDatabase _owner;
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    internal SqliteSession(SqliteDatabase owner, SqliteConnection connection) => (_owner, Connection) = (owner, connection);

    public SqliteConnection Connection { get; }

    internal bool IsOpen => Connection.State == ConnectionState.Open;

    /// <summary>
    /// The command for <paramref name="sql"/>, prepared the first time this connection runs it, with no parameters
    /// bound. It belongs to the session: use it, dispose its reader, and never dispose the command.
    /// </summary>
    public SqliteCommand Command(string sql, SqliteTransaction? transaction = null)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = Connection.CreateCommand();
            command.CommandText = sql;
            _commands.Add(sql, command);
        }
        command.Parameters.Clear();
        command.Transaction = transaction;
        return command;
    }

    public async Task<SqliteTransaction> BeginTransactionAsync(CancellationToken cancellationToken) =>
        (SqliteTransaction)await Connection.BeginTransactionAsync(cancellationToken);

    /// <summary>Gives the connection back to the database for the next operation.</summary>
    public ValueTask DisposeAsync() => _owner.ReturnAsync(this);

    internal void Close()
    {
        foreach (var command in _commands.Values) command.Dispose();
        _commands.Clear();
        Connection.Dispose();
    }

    internal async ValueTask CloseAsync()
    {
        foreach (var command in _commands.Values) await command.DisposeAsync();
        _commands.Clear();
        await Connection.DisposeAsync();
    }
}
