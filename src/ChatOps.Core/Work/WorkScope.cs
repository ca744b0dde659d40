using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ChatOps.Core.Work;

/// <summary>
/// The work item whose run is in progress on this async flow. A retried item runs its handler again from the start;
/// the stores and the chat delivery use <see cref="EffectKey"/> to recognise what an earlier attempt of the same item
/// already wrote or posted, so that a retry completes what is missing without doing anything twice.
/// </summary>
/// <remarks>
/// Ambient, like <see cref="System.Diagnostics.Activity.Current"/>: every write of an item's run belongs to it without
/// threading a key through every handler. Outside a work item (a quick read in the acknowledgement, a timer) there is no
/// scope and nothing is keyed.
/// </remarks>
public sealed class WorkScope
{
    private static readonly AsyncLocal<WorkScope?> Ambient = new();
    private readonly ConcurrentDictionary<string, int> _changes = new(StringComparer.Ordinal);
    private string? _incident;

    private WorkScope(Guid item) => Item = item;

    public static WorkScope? Current => Ambient.Value;

    public Guid Item { get; }

    /// <summary>
    /// The incident this item turned out to concern, once a handler found or declared it: the item's log lines from then
    /// on carry it, and so does its span. The first one found stands. Text, as Work knows nothing of incidents.
    /// </summary>
    public string? Incident => Volatile.Read(ref _incident);

    /// <summary>Marks the item in progress, if any, as concerning <paramref name="incident"/>.</summary>
    public static void Concerns(string incident)
    {
        if (Current is { } scope) Interlocked.CompareExchange(ref scope._incident, incident, null);
    }

    /// <summary>Makes <paramref name="item"/> the current scope until the returned handle is disposed.</summary>
    public static IDisposable Enter(WorkItem item)
    {
        var previous = Ambient.Value;
        Ambient.Value = new WorkScope(item.Id);
        return new Exit(previous);
    }

    /// <summary>
    /// The key of one effect of this item: the same parts give the same key on every attempt, whatever order the effects
    /// happen in. Parts describe the effect's content (an event's incident, kind and text; a message and where it goes),
    /// so two identical effects of one item are one.
    /// </summary>
    public string EffectKey(params ReadOnlySpan<string> parts)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var part in parts)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(part));
            hash.AppendData([0]);
        }
        return $"{Item:N}:{Convert.ToHexString(hash.GetHashAndReset(), 0, 16).ToLowerInvariant()}";
    }

    /// <summary>
    /// The key of this item's next state change of <paramref name="subject"/> (an incident, a request). A handler changes one
    /// subject in the same order on every attempt, so the n-th change is recognised as the one an earlier attempt stored,
    /// even though the retry sees the state that change produced.
    /// </summary>
    public string NextChangeKey(string subject) =>
        EffectKey("change", subject, _changes.AddOrUpdate(subject, 1, (_, n) => n + 1).ToString(CultureInfo.InvariantCulture));

    private sealed class Exit(WorkScope? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}
