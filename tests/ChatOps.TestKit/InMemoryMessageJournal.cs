using System.Collections.Concurrent;
using ChatOps.Core.Chat;

namespace ChatOps.TestKit;

/// <summary>The chat deliveries of work items, in memory, for tests of the core.</summary>
public sealed class InMemoryMessageJournal : IMessageJournal
{
    private readonly ConcurrentDictionary<string, string> _sent = new(StringComparer.Ordinal);

    public int Count => _sent.Count;

    public Task<string?> FindAsync(string key, CancellationToken cancellationToken) => Task.FromResult(_sent.GetValueOrDefault(key));

    public Task RecordAsync(string key, string messageId, CancellationToken cancellationToken)
    {
        _sent.TryAdd(key, messageId);
        return Task.CompletedTask;
    }
}
