using ChatOps.Core.Alerts;

namespace ChatOps.TestKit;

/// <summary>Alertmanager notifications as the door reads them, for tests.</summary>
public static class AlertSamples
{
    public static readonly DateTimeOffset FiredAt = new(2026, 11, 28, 8, 47, 13, 512, TimeSpan.Zero);

    public static Alert Firing(string name, string instance = "vllm-0", DateTimeOffset? at = null, string? summary = null, string? fingerprint = null) =>
        new(AlertStatus.Firing,
            new Dictionary<string, string> { ["alertname"] = name, ["instance"] = instance, ["severity"] = "critical", ["service"] = "inference" },
            new Dictionary<string, string> { ["summary"] = summary ?? $"{name} on {instance}", ["description"] = "p99 above 2s for 5 minutes." },
            at ?? FiredAt, null, fingerprint ?? Fingerprint(name, instance), "http://prometheus.example:9090/graph?g0.expr=up");

    public static Alert Resolved(Alert alert, DateTimeOffset endedAt) => alert with { Status = AlertStatus.Resolved, EndsAt = endedAt };

    public static AlertNotification Notification(params Alert[] alerts) => Notification($"{{}}:{{alertname=\"{alerts[0].Name}\"}}", alerts);

    public static AlertNotification Notification(string groupKey, params Alert[] alerts) =>
        new("chatops",
            alerts.Any(a => a.Status == AlertStatus.Firing) ? AlertStatus.Firing : AlertStatus.Resolved,
            groupKey,
            new Dictionary<string, string> { ["alertname"] = alerts[0].Name },
            new Dictionary<string, string> { ["alertname"] = alerts[0].Name },
            new Dictionary<string, string>(),
            "http://alertmanager.example:9093",
            0,
            alerts);

    private static string Fingerprint(string name, string instance) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name + instance)), 0, 8);
}
