using ChatOps.Core.Chat;

namespace ChatOps.Storage.Postgres;

/// <summary>The chat deliveries of work items, on the PostgreSQL server beside the timeline they report.</summary>
public sealed class PostgresMessageJournal(PostgresDatabase database) : IMessageJournal
{
    public Task<string?> FindAsync(string key, CancellationToken cancellationToken) =>
        database.RunAsync(async connection =>
        {
            await using var find = connection.Command("SELECT message_id FROM message_journal WHERE key = @key").With("key", key);
            return await find.ExecuteScalarAsync(cancellationToken) as string;
        }, cancellationToken);

    public Task RecordAsync(string key, string messageId, CancellationToken cancellationToken) =>
        database.RunAsync(async connection =>
        {
            await using var record = connection.Command(
                "INSERT INTO message_journal (key, message_id, sent_at) VALUES (@key, @id, @at) ON CONFLICT (key) DO NOTHING")
                .With("key", key).With("id", messageId).With("at", database.Time.GetUtcNow().ToUnixTimeMilliseconds());
            return await record.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
}
