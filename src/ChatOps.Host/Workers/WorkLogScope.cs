using System.Collections;
using ChatOps.Core.Work;

namespace ChatOps.Host.Workers;

/// <summary>
/// The log scope of a work item's run: every line logged while it runs names the item and, once a handler has found or
/// declared it, the incident (<see cref="WorkScope.Incident"/>). The scope is read as each line is written, so every line
/// after the incident became known carries it, the runner's own (a retry, a dead item) included.
/// </summary>
internal sealed class WorkLogScope(WorkItem item, WorkScope scope) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public int Count => scope.Incident is null ? 2 : 3;

    public KeyValuePair<string, object?> this[int index] => index switch
    {
        0 => new("WorkItemId", item.Id),
        1 => new("WorkKind", item.Kind),
        2 when scope.Incident is { } incident => new("IncidentId", incident),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        // Counted once: the incident may become known while a line is being written.
        var count = Count;
        for (var i = 0; i < count; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() =>
        scope.Incident is { } incident ? $"work {item.Kind} {item.Id:N} for {incident}" : $"work {item.Kind} {item.Id:N}";
}
