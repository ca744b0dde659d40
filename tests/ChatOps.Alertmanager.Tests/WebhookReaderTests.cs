using System.Text;
using ChatOps.Core.Alerts;

namespace ChatOps.Alertmanager.Tests;

/// <summary>Alertmanager's webhook message (version 4) read whole, or refused with the field that is wrong.</summary>
public sealed class WebhookReaderTests
{
    /// <summary>
    /// A message as Alertmanager 0.25+ writes it (notify/webhook: template data, version, groupKey, truncatedAlerts): Go's
    /// RFC 3339 with nanoseconds, the zero time as a firing alert's end, and a field another sender adds (orgId).
    /// </summary>
    public const string Sample = """
        {
          "receiver": "chatops",
          "status": "firing",
          "alerts": [
            {
              "status": "firing",
              "labels": { "alertname": "HighLatency", "instance": "vllm-0:8000", "job": "vllm", "severity": "critical" },
              "annotations": { "description": "p99 end-to-end latency is 3.2s (threshold 2s).", "summary": "vLLM p99 latency above 2s" },
              "startsAt": "2026-11-28T09:47:13.512345678+01:00",
              "endsAt": "0001-01-01T00:00:00Z",
              "generatorURL": "http://prometheus.example:9090/graph?g0.expr=histogram_quantile%280.99%2C+x%29\u0026g0.tab=1",
              "fingerprint": "1a30ba71cca2921f"
            },
            {
              "status": "resolved",
              "labels": { "alertname": "HighLatency", "instance": "vllm-1:8000", "job": "vllm", "severity": "critical" },
              "annotations": { "summary": "vLLM p99 latency above 2s" },
              "startsAt": "2026-11-28T08:40:00Z",
              "endsAt": "2026-11-28T08:55:30.25Z",
              "generatorURL": "",
              "fingerprint": "8C0F3C2B6E7D9A41"
            }
          ],
          "groupLabels": { "alertname": "HighLatency" },
          "commonLabels": { "alertname": "HighLatency", "job": "vllm", "severity": "critical" },
          "commonAnnotations": { "summary": "vLLM p99 latency above 2s" },
          "externalURL": "http://alertmanager.example:9093",
          "version": "4",
          "groupKey": "{}/{severity=\"critical\"}:{alertname=\"HighLatency\"}",
          "truncatedAlerts": 3,
          "orgId": 1
        }
        """;

    private static (AlertNotification? Notification, string? Error) Read(string json) => WebhookReader.Read(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void A_version_4_message_reads_field_for_field()
    {
        var (notification, error) = Read(Sample);

        Assert.Null(error);
        Assert.NotNull(notification);
        Assert.Equal(("chatops", AlertStatus.Firing, "{}/{severity=\"critical\"}:{alertname=\"HighLatency\"}", 3L),
            (notification.Receiver, notification.Status, notification.GroupKey, notification.TruncatedAlerts));
        Assert.Equal("http://alertmanager.example:9093", notification.ExternalUrl);
        Assert.Equal("HighLatency", notification.GroupLabels["alertname"]);
        Assert.Equal("vllm", notification.CommonLabels["job"]);
        Assert.Equal("vLLM p99 latency above 2s", notification.CommonAnnotations["summary"]);

        var firing = notification.Alerts[0];
        Assert.Equal((AlertStatus.Firing, "HighLatency", "vllm-0:8000", "1a30ba71cca2921f"), (firing.Status, firing.Name, firing.Labels["instance"], firing.Fingerprint));
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 8, 47, 13, TimeSpan.Zero).AddTicks(5123456), firing.StartsAt);
        Assert.Null(firing.EndsAt);
        Assert.Equal("vLLM p99 latency above 2s", firing.Summary);
        Assert.Equal("p99 end-to-end latency is 3.2s (threshold 2s).", firing.Description);
        Assert.StartsWith("http://prometheus.example:9090/graph?g0.expr=", firing.GeneratorUrl, StringComparison.Ordinal);

        var resolved = notification.Alerts[1];
        Assert.Equal((AlertStatus.Resolved, "8c0f3c2b6e7d9a41"), (resolved.Status, resolved.Fingerprint));
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 8, 55, 30, 250, TimeSpan.Zero), resolved.EndsAt);
        Assert.Null(resolved.Description);
    }

    [Fact]
    public void A_message_from_before_truncatedAlerts_and_without_annotations_still_reads()
    {
        var (notification, error) = Read("""
            {"version":"4","status":"resolved","receiver":"","groupKey":"{}:{}","alerts":[{"status":"resolved","labels":{},
             "startsAt":"2026-11-28T08:40:00z","endsAt":"2026-11-28T08:41:00-02:30","fingerprint":"00ff"}]}
            """);

        Assert.Null(error);
        Assert.Equal(0, notification!.TruncatedAlerts);
        Assert.Empty(notification.Alerts[0].Annotations);
        Assert.Empty(notification.GroupLabels);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 11, 11, 0, TimeSpan.Zero), notification.Alerts[0].EndsAt);
    }

    [Theory]
    [InlineData("not json", "The body is not a JSON object.")]
    [InlineData("[1,2]", "The body is not a JSON object.")]
    [InlineData("null", "The body is not a JSON object.")]
    [InlineData("""{"version":"4","alerts":[{"labels":{"a":1}}]}""", "$.alerts[0].labels.a is malformed or of the wrong type")]
    [InlineData("""{"version":3}""", "$.version is malformed or of the wrong type")]
    [InlineData("""{"status":"firing"}""", "version is missing; this endpoint reads Alertmanager's webhook version 4.")]
    [InlineData("""{"version":"3"}""", "version is '3'; this endpoint reads Alertmanager's webhook version 4.")]
    [InlineData("""{"version":"4","status":"pending"}""", "status must be firing or resolved, not 'pending'.")]
    [InlineData("""{"version":"4","status":"firing","receiver":"r"}""", "groupKey is missing.")]
    [InlineData("""{"version":"4","status":"firing","groupKey":"k"}""", "receiver is missing.")]
    [InlineData("""{"version":"4","status":"firing","groupKey":"k","receiver":"r","truncatedAlerts":-1}""", "truncatedAlerts is negative.")]
    [InlineData("""{"version":"4","status":"firing","groupKey":"k","receiver":"r","alerts":[]}""", "alerts is missing or empty.")]
    [InlineData("""{"version":"4","status":"firing","groupKey":"k","receiver":"r","alerts":[null]}""", "alerts[0] is not an alert object.")]
    public void A_malformed_message_is_refused_with_the_reason(string json, string reason)
    {
        var (notification, error) = Read(json);
        Assert.Null(notification);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"status\": \"firing\",\n      \"labels\"", "\"status\": \"active\",\n      \"labels\"", "alerts[0].status must be firing or resolved, not 'active'.")]
    [InlineData("\"startsAt\": \"2026-11-28T09:47:13.512345678+01:00\"", "\"startsAt\": \"yesterday\"", "alerts[0].startsAt must be an RFC 3339 time, not 'yesterday'.")]
    [InlineData("\"startsAt\": \"2026-11-28T09:47:13.512345678+01:00\"", "\"startsAt\": \"2026-13-28T09:47:13Z\"", "alerts[0].startsAt must be an RFC 3339 time, not '2026-13-28T09:47:13Z'.")]
    [InlineData("\"startsAt\": \"2026-11-28T09:47:13.512345678+01:00\"", "\"startsAt\": \"0001-01-01T00:00:00Z\"", "alerts[0].startsAt is Go's zero time")]
    [InlineData("\"endsAt\": \"2026-11-28T08:55:30.25Z\"", "\"endsAt\": \"0001-01-01T00:00:00Z\"", "alerts[1] is resolved but has no endsAt.")]
    [InlineData("\"endsAt\": \"2026-11-28T08:55:30.25Z\"", "\"endsAt\": \"2026-11-28T08:00:00Z\"", "alerts[1].endsAt is before its startsAt.")]
    [InlineData("\"endsAt\": \"2026-11-28T08:55:30.25Z\"", "\"endsAt\": \"soon\"", "alerts[1].endsAt must be an RFC 3339 time, not 'soon'.")]
    [InlineData("\"fingerprint\": \"1a30ba71cca2921f\"", "\"fingerprint\": \"'; drop table\"", "alerts[0].fingerprint must be Alertmanager's hex fingerprint")]
    [InlineData("\"fingerprint\": \"1a30ba71cca2921f\"", "\"fingerprint\": null", "alerts[0].fingerprint must be Alertmanager's hex fingerprint, not nothing.")]
    [InlineData("\"labels\": { \"alertname\": \"HighLatency\", \"instance\": \"vllm-0:8000\"", "\"labels\": { \"alertname\": null, \"instance\": \"vllm-0:8000\"", "alerts[0].labels.alertname is null.")]
    [InlineData("\"groupLabels\": { \"alertname\": \"HighLatency\" }", "\"groupLabels\": { \"\": \"HighLatency\" }", "groupLabels has an empty name.")]
    [InlineData("\"status\": \"firing\",\n  \"alerts\"", "\"status\": \"resolved\",\n  \"alerts\"", "status is resolved, but alerts[0] is firing.")]
    public void A_wrong_field_of_the_sample_is_named(string field, string wrong, string reason)
    {
        var json = Sample.Replace(field, wrong, StringComparison.Ordinal);
        Assert.NotEqual(Sample, json);
        var (notification, error) = Read(json);
        Assert.Null(notification);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_firing_group_whose_alerts_all_resolved_is_refused()
    {
        var json = Sample.Replace("\"status\": \"firing\",\n      \"labels\"", "\"status\": \"resolved\",\n      \"labels\"", StringComparison.Ordinal)
            .Replace("\"endsAt\": \"0001-01-01T00:00:00Z\"", "\"endsAt\": \"2026-11-28T09:50:00Z\"", StringComparison.Ordinal);
        Assert.Equal("status is firing, but every alert is resolved.", Read(json).Error);
    }
}
