using System.Globalization;

namespace ChatOps.Core.Runbooks;

/// <summary>
/// A deployment's own values for runbooks (configuration <c>Runbooks:Values:&lt;runbook&gt;:&lt;name&gt;</c>), which
/// replace the defaults a runbook declares under <c>values</c>. Names are matched ignoring case, as configuration keys are.
/// </summary>
public sealed class RunbookValues
{
    /// <summary>Where the values are configured; errors name the setting by it.</summary>
    public const string Setting = "Runbooks:Values";

    private readonly Dictionary<string, Dictionary<string, string?>> _configured = new(StringComparer.OrdinalIgnoreCase);

    public RunbookValues(IEnumerable<KeyValuePair<string, IReadOnlyDictionary<string, string?>>> configured)
    {
        foreach (var (runbook, values) in configured)
        {
            if (!_configured.TryGetValue(runbook, out var own)) _configured[runbook] = own = new(StringComparer.OrdinalIgnoreCase);
            foreach (var (name, text) in values) own[name] = text;
        }
    }

    public static RunbookValues None { get; } = new([]);

    public static RunbookValues Of(params (string Runbook, string Name, string? Text)[] values) =>
        new(values.GroupBy(v => v.Runbook, StringComparer.OrdinalIgnoreCase).Select(g =>
            KeyValuePair.Create(g.Key, (IReadOnlyDictionary<string, string?>)g.ToDictionary(v => v.Name, v => v.Text, StringComparer.OrdinalIgnoreCase))));

    /// <summary>The configured values of one runbook that are numbers; the rest are reported by <see cref="Problems"/>.</summary>
    internal IReadOnlyDictionary<string, double> For(string runbook) =>
        _configured.TryGetValue(runbook, out var values)
            ? values.Where(v => TryNumber(v.Value, out _)).ToDictionary(v => v.Key, v => Number(v.Value), StringComparer.OrdinalIgnoreCase)
            : new Dictionary<string, double>();

    /// <summary>Each setting that names no loaded runbook, no value the runbook declares, or no number: one line each.</summary>
    internal IEnumerable<RunbookError> Problems(IReadOnlyList<Runbook> runbooks)
    {
        foreach (var (id, values) in _configured)
        {
            var runbook = runbooks.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase));
            if (runbook is null)
            {
                yield return new RunbookError($"{Setting}:{id}", 0, $"there is no runbook '{id}' (runbooks: {string.Join(", ", runbooks.Select(r => r.Id))}).");
                continue;
            }
            foreach (var (name, text) in values)
            {
                var setting = $"{Setting}:{id}:{name}";
                if (!runbook.Values.Keys.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    var declared = runbook.Values.Count == 0 ? "it declares none" : "it declares " + string.Join(", ", runbook.Values.Keys);
                    yield return new RunbookError(setting, 0, $"runbook {runbook.Id} declares no value '{name}' ({declared}).");
                }
                else if (!TryNumber(text, out _))
                {
                    yield return new RunbookError(setting, 0, $"'{text}' is not a number; write it like 2500 or 0.5.");
                }
            }
        }
    }

    /// <summary>A finite number written the invariant way (<c>2500</c>, <c>0.5</c>, <c>1e6</c>): never <c>1,5</c> or NaN.</summary>
    internal static bool TryNumber(string? text, out double number) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number);

    private static double Number(string? text) => TryNumber(text, out var n) ? n : 0;
}
