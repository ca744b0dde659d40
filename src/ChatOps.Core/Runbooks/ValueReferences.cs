using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace ChatOps.Core.Runbooks;

/// <summary>
/// A runbook's <c>values</c>: each a name and a number, the default unless the deployment configures its own. Any text
/// of the runbook refers to one as <c>${name}</c>, which becomes the number before the text is read further, so a
/// threshold, a query or a flag value parses exactly as if the number had been written there.
/// </summary>
internal sealed partial class ValueReferences(IReadOnlyDictionary<string, double> values)
{
    public IReadOnlyDictionary<string, double> Values => values;

    /// <summary>Reads <c>values</c> of the runbook's top level and applies the configured ones over the defaults.</summary>
    public static ValueReferences Read(YamlMap runbook, IReadOnlyDictionary<string, double> configured)
    {
        var declared = new Dictionary<string, double>(StringComparer.Ordinal);
        switch (runbook.Raw("values"))
        {
            case null:
                break;
            case YamlMappingNode node:
                foreach (var (k, v) in node.Children)
                {
                    var name = (k as YamlScalarNode)?.Value ?? "";
                    if (!Name().IsMatch(name))
                        runbook.Errors.Add(YamlMap.Line0(k), $"value name '{name}' must be lower-case letters, digits and underscores (like daily_budget_usd).");
                    else if (v is not YamlScalarNode { Value: var text } || !RunbookValues.TryNumber(text, out var number))
                        runbook.Errors.Add(YamlMap.Line0(v), $"value '{name}' must be a number, not '{(v as YamlScalarNode)?.Value}'.");
                    else
                        declared[name] = configured.TryGetValue(name, out var own) ? own : number;
                }
                break;
            default:
                runbook.Errors.Add(runbook.LineOf("values"), "'values' must be a mapping of name: number.");
                break;
        }
        return new ValueReferences(declared);
    }

    /// <summary>The text with every <c>${name}</c> replaced by its number; an unknown name is reported and left as written.</summary>
    public string Resolve(string text, Action<string> error)
    {
        if (!text.Contains("${", StringComparison.Ordinal)) return text;
        return Reference().Replace(text, m =>
        {
            if (values.TryGetValue(m.Groups[1].Value, out var number)) return number.ToString("R", CultureInfo.InvariantCulture);
            var declared = values.Count == 0 ? "it declares none" : "it declares " + string.Join(", ", values.Keys);
            error($"refers to {m.Value}, which this runbook does not declare under values ({declared}).");
            return m.Value;
        });
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex Name();

    [GeneratedRegex(@"\$\{([^}]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Reference();
}
