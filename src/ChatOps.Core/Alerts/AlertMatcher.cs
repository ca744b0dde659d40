using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.RegularExpressions;

namespace ChatOps.Core.Alerts;

/// <summary>
/// One label matcher as Alertmanager writes them (https://prometheus.io/docs/alerting/latest/configuration/#matcher):
/// <c>severity = critical</c>, <c>service != canary</c>, <c>alertname =~ "High.*"</c>, <c>team !~ "infra|db"</c>. A
/// regex matches the whole value; a label the alert lacks reads as empty, so <c>team = ""</c> matches alerts with none.
/// </summary>
public sealed partial class AlertMatcher
{
    private readonly Regex? _regex;

    private AlertMatcher(string label, string op, string value, Regex? regex) => (Label, Operator, Value, _regex) = (label, op, value, regex);

    public string Label { get; }

    public string Operator { get; }

    public string Value { get; }

    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        var actual = labels.GetValueOrDefault(Label) ?? "";
        return Operator switch
        {
            "=" => actual == Value,
            "!=" => actual != Value,
            "=~" => _regex!.IsMatch(actual),
            _ => !_regex!.IsMatch(actual),
        };
    }

    public static bool TryParse(string? text, [NotNullWhen(true)] out AlertMatcher? matcher, [NotNullWhen(false)] out string? error)
    {
        matcher = null;
        var match = Shape().Match(text ?? "");
        if (!match.Success)
        {
            error = $"'{text}' is not a matcher: write label=value, label!=value, label=~regex or label!~regex, e.g. severity=~\"critical|page\".";
            return false;
        }
        var (label, op) = (match.Groups["label"].Value, match.Groups["op"].Value);
        if (!Unquote(match.Groups["value"].Value.Trim(), out var value))
        {
            error = $"'{text}': the quoted value is not closed, or holds an escape other than \\\" and \\\\.";
            return false;
        }
        Regex? regex = null;
        if (op is "=~" or "!~")
        {
            try
            {
                // Alertmanager's regexes are RE2: no backtracking, so a label value cannot make matching slow. .NET's
                // non-backtracking engine refuses what RE2 refuses too (backreferences, lookarounds).
                regex = new Regex($"^(?:{value})$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException)
            {
                error = $"'{text}': '{value}' is not a regular expression Alertmanager would accept ({e.Message}).";
                return false;
            }
        }
        matcher = new AlertMatcher(label, op, value, regex);
        error = null;
        return true;
    }

    private static bool Unquote(string raw, out string value)
    {
        value = raw;
        if (!raw.StartsWith('"')) return !raw.Contains('"', StringComparison.Ordinal);
        if (raw.Length < 2 || !raw.EndsWith('"')) return false;
        var text = new StringBuilder();
        for (var i = 1; i < raw.Length - 1; i++)
        {
            var c = raw[i];
            if (c == '"') return false;
            if (c == '\\')
            {
                if (++i >= raw.Length - 1 || raw[i] is not ('"' or '\\')) return false;
                c = raw[i];
            }
            text.Append(c);
        }
        value = text.ToString();
        return true;
    }

    // Prometheus label names: https://prometheus.io/docs/concepts/data_model/#metric-names-and-labels
    [GeneratedRegex(@"^\s*(?<label>[a-zA-Z_][a-zA-Z0-9_]*)\s*(?<op>=~|!~|!=|=)(?<value>.*)$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Shape();
}
