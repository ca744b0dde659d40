using System.Collections.Concurrent;

namespace ChatOps.Core.Access;

/// <summary>The embedded default, and the fallback while a shared cache cannot answer: members kept in this process's memory.</summary>
public sealed class InProcessGroupMembersCache(TimeProvider time) : IGroupMembersCache
{
    private readonly ConcurrentDictionary<(string Platform, string Group), (DateTimeOffset Until, IReadOnlySet<string> Members)> _groups = new();

    public async Task<IReadOnlySet<string>> GetOrLoadAsync(
        string platform, string group, TimeSpan duration, Func<CancellationToken, Task<IReadOnlyCollection<string>>> load, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(load);
        if (_groups.TryGetValue((platform, group), out var kept) && kept.Until > time.GetUtcNow()) return kept.Members;
        var members = new HashSet<string>(await load(cancellationToken), StringComparer.Ordinal);
        _groups[(platform, group)] = (time.GetUtcNow() + duration, members);
        return members;
    }
}
