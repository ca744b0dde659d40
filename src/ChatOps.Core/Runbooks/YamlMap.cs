using System.Globalization;
using ChatOps.Core.Checks;
using ChatOps.Core.Runs;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ChatOps.Core.Runbooks;

/// <summary>
/// Reads one YAML mapping for the loader, recording every problem with its line instead of stopping
/// at the first, and reporting keys nobody read (usually typos). Texts read through it have the runbook's
/// <c>${name}</c> value references replaced (<see cref="ValueReferences"/>).
/// </summary>
internal sealed class YamlMap(YamlMappingNode node, RunbookErrorSink errors, string where, ValueReferences? values = null)
{
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public int Line => Line0(node);

    public RunbookErrorSink Errors => errors;

    public bool Has(string key) => Find(key) is not null;

    public int LineOf(string key) => Find(key) is { } n ? Line0(n) : Line;

    public string? Text(string key, bool required = false)
    {
        var value = Find(key);
        if (value is null)
        {
            if (required) errors.Add(Line, $"{where}: '{key}' is required.");
            return null;
        }
        // A plain ~ or null is YAML's null, not the text "null".
        if (value is YamlScalarNode { Style: ScalarStyle.Plain, Value: "~" or "null" or "Null" or "NULL" })
        {
            if (required) errors.Add(Line0(value), $"{where}: '{key}' is required but is null.");
            return null;
        }
        if (value is YamlScalarNode { Value: { } text } && !string.IsNullOrWhiteSpace(text)) return Resolve(text.Trim(), Line0(value), $"'{key}'");
        errors.Add(Line0(value), $"{where}: '{key}' must be text.");
        return null;
    }

    public bool Flag(string key)
    {
        var text = Text(key);
        if (text is null) return false;
        if (bool.TryParse(text, out var flag)) return flag;
        errors.Add(LineOf(key), $"{where}: '{key}' must be true or false, not '{text}'.");
        return false;
    }

    public int? Number(string key, int min, int max)
    {
        var text = Text(key);
        if (text is null) return null;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
        errors.Add(LineOf(key), $"{where}: '{key}' must be a whole number from {min} to {max}, not '{text}'.");
        return null;
    }

    public TimeSpan? Duration(string key)
    {
        var text = Text(key);
        if (text is null) return null;
        if (DurationText.TryParse(text, out var duration)) return duration;
        errors.Add(LineOf(key), $"{where}: '{key}' must be a duration such as 30s, 5m or 1h, not '{text}'.");
        return null;
    }

    public IReadOnlyList<string> Texts(string key)
    {
        var value = Find(key);
        switch (value)
        {
            case null:
            case YamlScalarNode { Style: ScalarStyle.Plain, Value: "~" or "null" or "Null" or "NULL" or "" }:
                return [];
            case YamlScalarNode { Value: { } single } when !string.IsNullOrWhiteSpace(single):
                return [Resolve(single.Trim(), Line0(value), $"'{key}'")];
            case YamlSequenceNode sequence:
                var items = new List<string>();
                foreach (var item in sequence)
                {
                    if (item is YamlScalarNode { Value: { } text } && !string.IsNullOrWhiteSpace(text)) items.Add(Resolve(text.Trim(), Line0(item), $"an entry of '{key}'"));
                    else errors.Add(Line0(item), $"{where}: each entry of '{key}' must be text.");
                }
                return items;
            default:
                errors.Add(Line0(value), $"{where}: '{key}' must be a list of texts.");
                return [];
        }
    }

    public YamlMap? Map(string key, string context, bool required = false)
    {
        var value = Find(key);
        if (value is YamlMappingNode map) return new YamlMap(map, errors, context, values);
        if (value is null && !required) return null;
        errors.Add(value is null ? Line : Line0(value), $"{where}: '{key}' must be a mapping of keys to values.");
        return null;
    }

    public IReadOnlyList<YamlMap> Maps(string key, Func<int, string> context)
    {
        var value = Find(key);
        if (value is null) return [];
        if (value is not YamlSequenceNode sequence)
        {
            errors.Add(Line0(value), $"{where}: '{key}' must be a list.");
            return [];
        }
        var maps = new List<YamlMap>();
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            if (sequence.Children[i] is YamlMappingNode map) maps.Add(new YamlMap(map, errors, context(i), values));
            else errors.Add(Line0(sequence.Children[i]), $"{where}: each entry of '{key}' must be a mapping.");
        }
        return maps;
    }

    /// <summary>The entries of a mapping of id → mapping, in file order.</summary>
    public IReadOnlyList<(string Key, YamlMap Map)> Entries(string key, Func<string, string> context)
    {
        var value = Find(key);
        if (value is null) return [];
        if (value is not YamlMappingNode mapping)
        {
            errors.Add(Line0(value), $"{where}: '{key}' must be a mapping.");
            return [];
        }
        var entries = new List<(string, YamlMap)>();
        foreach (var (k, v) in mapping.Children)
        {
            var name = (k as YamlScalarNode)?.Value ?? "";
            if (v is YamlMappingNode map) entries.Add((name, new YamlMap(map, errors, context(name), values)));
            else errors.Add(Line0(v), $"{context(name)} must be a mapping.");
        }
        return entries;
    }

    /// <summary>The text with the runbook's value references replaced; <paramref name="what"/> names it in an error.</summary>
    public string Resolve(string text, int line, string what) =>
        values is null ? text : values.Resolve(text, problem => errors.Add(line, $"{where}: {what} {problem}"));

    /// <summary>A scalar's text without marking the key read or reporting anything.</summary>
    public string? PeekText(string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode { Value: { } text } ? text.Trim() : null;

    /// <summary>The keys the mapping holds, with their lines, without marking them read.</summary>
    public IEnumerable<(string Key, int Line)> Keys() =>
        node.Children.Keys.OfType<YamlScalarNode>().Where(k => k.Value is not null).Select(k => (k.Value!, Line0(k)));

    /// <summary>The line of <paramref name="key"/> itself (a mapping or list under it starts on a later line), or the mapping's.</summary>
    public int KeyLine(string key) => Keys().Where(k => k.Key == key).Select(k => k.Line).DefaultIfEmpty(Line).First();

    /// <summary>The raw node, for values that take more than one shape.</summary>
    public YamlNode? Raw(string key) => Find(key);

    public void RejectUnknownKeys()
    {
        foreach (var (k, _) in node.Children)
        {
            if (k is YamlScalarNode { Value: { } name } && !_read.Contains(name))
                errors.Add(Line0(k), $"{where}: unknown key '{name}'.");
        }
    }

    public void MarkRead(params string[] keys) => _read.UnionWith(keys);

    public static int Line0(YamlNode node) => (int)node.Start.Line;

    private YamlNode? Find(string key)
    {
        _read.Add(key);
        return node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;
    }
}
