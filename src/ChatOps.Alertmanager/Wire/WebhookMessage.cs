using System.Text.Json.Serialization;

namespace ChatOps.Alertmanager.Wire;

/// <summary>
/// Alertmanager's webhook message, version 4 (https://prometheus.io/docs/alerting/latest/configuration/#webhook_config),
/// read leniently (every field optional, unknown fields ignored) so that <see cref="WebhookReader"/> can say exactly what
/// is wrong with one.
/// </summary>
internal sealed record WebhookMessage(
    [property: JsonPropertyName("version")] string? Version,
    [property: JsonPropertyName("groupKey")] string? GroupKey,
    [property: JsonPropertyName("truncatedAlerts")] long? TruncatedAlerts,
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("receiver")] string? Receiver,
    [property: JsonPropertyName("groupLabels")] Dictionary<string, string?>? GroupLabels,
    [property: JsonPropertyName("commonLabels")] Dictionary<string, string?>? CommonLabels,
    [property: JsonPropertyName("commonAnnotations")] Dictionary<string, string?>? CommonAnnotations,
    [property: JsonPropertyName("externalURL")] string? ExternalUrl,
    [property: JsonPropertyName("alerts")] List<WebhookAlert?>? Alerts);

internal sealed record WebhookAlert(
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("labels")] Dictionary<string, string?>? Labels,
    [property: JsonPropertyName("annotations")] Dictionary<string, string?>? Annotations,
    [property: JsonPropertyName("startsAt")] string? StartsAt,
    [property: JsonPropertyName("endsAt")] string? EndsAt,
    [property: JsonPropertyName("generatorURL")] string? GeneratorUrl,
    [property: JsonPropertyName("fingerprint")] string? Fingerprint);

[JsonSerializable(typeof(WebhookMessage))]
internal sealed partial class WebhookJsonContext : JsonSerializerContext;
