namespace ChatOps.Core.Alerts;

/// <summary>
/// One alert of a notification, as Alertmanager sent it: untrusted text, shown only through <see cref="AlertText"/>.
/// <see cref="EndsAt"/> is null while the alert fires (Alertmanager sends the zero time then).
/// </summary>
public sealed record Alert(
    AlertStatus Status,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations,
    DateTimeOffset StartsAt,
    DateTimeOffset? EndsAt,
    string Fingerprint,
    string? GeneratorUrl = null)
{
    public string Name => Labels.GetValueOrDefault("alertname") ?? "(unnamed alert)";

    public string? Summary => Annotations.GetValueOrDefault("summary");

    public string? Description => Annotations.GetValueOrDefault("description");
}
