using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ChatOps.Core.Alerts;

/// <summary>
/// One notification of an Alertmanager alert group (webhook version 4), as the door read it: every field was checked
/// there, and everything in it is untrusted text. <see cref="TruncatedAlerts"/> counts alerts Alertmanager left out
/// (<c>max_alerts</c>).
/// </summary>
public sealed record AlertNotification(
    string Receiver,
    AlertStatus Status,
    string GroupKey,
    IReadOnlyDictionary<string, string> GroupLabels,
    IReadOnlyDictionary<string, string> CommonLabels,
    IReadOnlyDictionary<string, string> CommonAnnotations,
    string? ExternalUrl,
    long TruncatedAlerts,
    IReadOnlyList<Alert> Alerts)
{
    public AlertGroupId Group => AlertGroupId.Of(GroupKey);

    public IEnumerable<Alert> Firing => Alerts.Where(a => a.Status == AlertStatus.Firing);

    /// <summary>
    /// The same notification sent again (Alertmanager retries until it hears 2xx, and repeats an unchanged group) has the
    /// same key: its group, status, and each alert's fingerprint, status and times.
    /// </summary>
    public string DeliveryKey
    {
        get
        {
            var text = new StringBuilder(GroupKey).Append('\0').Append(Status);
            foreach (var alert in Alerts.OrderBy(a => a.Fingerprint, StringComparer.Ordinal).ThenBy(a => a.StartsAt))
            {
                text.Append('\0').Append(alert.Fingerprint).Append('\0').Append(alert.Status)
                    .Append('\0').Append(alert.StartsAt.UtcTicks.ToString(CultureInfo.InvariantCulture))
                    .Append('\0').Append(alert.EndsAt?.UtcTicks.ToString(CultureInfo.InvariantCulture));
            }
            return "alertmanager:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
        }
    }

    public string ToJson() => JsonSerializer.Serialize(this, AlertJson.Default.AlertNotification);

    public static AlertNotification FromJson(string json) =>
        JsonSerializer.Deserialize(json, AlertJson.Default.AlertNotification)
            ?? throw new JsonException("An alert notification was stored as null.");
}
