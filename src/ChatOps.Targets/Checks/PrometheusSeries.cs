namespace ChatOps.Targets.Checks;

/// <summary>One sample of an instant vector: its labels and value.</summary>
internal sealed record PrometheusSeries(IReadOnlyDictionary<string, string> Labels, double Value)
{
    public string LabelText => string.Join(", ", Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"));
}
