using System.Collections.Frozen;
using System.Text;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Incidents;

/// <summary>The stored spelling of <see cref="TimelineKind"/>: <c>root-cause-identified</c>.</summary>
public static class TimelineKindNames
{
    private static readonly FrozenDictionary<TimelineKind, string> Names =
        Enum.GetValues<TimelineKind>().ToFrozenDictionary(k => k, Kebab);

    private static readonly FrozenDictionary<string, TimelineKind> Kinds =
        Names.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    public static string Name(this TimelineKind kind) => Names[kind];

    public static TimelineKind Parse(string name) =>
        Kinds.TryGetValue(name, out var kind) ? kind : throw new FormatException($"Unknown timeline kind '{name}'.");

    private static string Kebab(TimelineKind kind)
    {
        var text = kind.ToString();
        var builder = new StringBuilder(text.Length + 4);
        foreach (var c in text)
        {
            if (char.IsUpper(c) && builder.Length > 0) builder.Append('-');
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }
}
