using ChatOps.Core.Chat;

namespace ChatOps.Storage.Sqlite;

/// <summary>The chat deliveries of work items, in the embedded database beside the timeline they report.</summary>
public sealed class SqliteMessageJournal(SqliteDatabase database) : IMessageJournal
{
    public async Task<string?> FindAsync(string key, CancellationToken cancellationToken)
    {
        await using var session = await database.LeaseAsync(cancellationToken);
        var find = session.Command("SELECT message_id FROM message_journal WHERE key = $key");
        find.Parameters.AddWithValue("$key", key);
        return await find.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task RecordAsync(string key, string messageId, CancellationToken cancellationToken)
    {
        await using var session = await database.LeaseAsync(cancellationToken);
        var record = session.Command("INSERT INTO message_journal (key, message_id, sent_at) VALUES ($key, $id, $at) ON CONFLICT (key) DO NOTHING");
        record.Parameters.AddWithValue("$key", key);
        record.Parameters.AddWithValue("$id", messageId);
        record.Parameters.AddWithValue("$at", database.Time.GetUtcNow().ToUnixTimeMilliseconds());
        await record.ExecuteNonQueryAsync(cancellationToken);
    }
}
