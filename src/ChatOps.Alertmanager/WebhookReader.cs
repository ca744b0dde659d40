using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ChatOps.Alertmanager.Wire;
using ChatOps.Core.Alerts;

namespace ChatOps.Alertmanager;

/// <summary>
/// Reads a webhook message into the core's <see cref="AlertNotification"/>, or says what is wrong with it (which field,
/// and why), in words Alertmanager's log shows to whoever configured it. A message is taken whole or not at all.
/// </summary>
internal static partial class WebhookReader
{
    public static (AlertNotification? Notification, string? Error) Read(ReadOnlySpan<byte> body)
    {
        WebhookMessage? message;
        try
        {
            message = JsonSerializer.Deserialize(body, WebhookJsonContext.Default.WebhookMessage);
        }
        catch (JsonException e)
        {
            return (null, e.Path is null or "$"
                ? "The body is not a JSON object."
                : $"The body is not Alertmanager's webhook JSON: {e.Path} is malformed or of the wrong type.");
        }
        if (message is null) return (null, "The body is not a JSON object.");
        if (message.Version != "4")
            return (null, $"version is {(message.Version is null ? "missing" : $"'{Shown(message.Version)}'")}; this endpoint reads Alertmanager's webhook version 4.");
        if (!TryStatus(message.Status, out var status)) return (null, $"status must be firing or resolved, not {Quoted(message.Status)}.");
        if (string.IsNullOrEmpty(message.GroupKey)) return (null, "groupKey is missing.");
        if (message.Receiver is null) return (null, "receiver is missing.");
        if (message.TruncatedAlerts is < 0) return (null, "truncatedAlerts is negative.");
        if (message.Alerts is not { Count: > 0 } wire) return (null, "alerts is missing or empty.");

        var alerts = new List<Alert>(wire.Count);
        for (var i = 0; i < wire.Count; i++)
        {
            var (alert, error) = ReadAlert(wire[i], $"alerts[{i}]");
            if (error is not null) return (null, error);
            alerts.Add(alert!);
        }
        // Alertmanager calls a group firing while any of its alerts fires; a message that says otherwise is not its own.
        if (status == AlertStatus.Resolved && alerts.FindIndex(a => a.Status == AlertStatus.Firing) is >= 0 and var firing)
            return (null, $"status is resolved, but alerts[{firing}] is firing.");
        if (status == AlertStatus.Firing && alerts.TrueForAll(a => a.Status == AlertStatus.Resolved))
            return (null, "status is firing, but every alert is resolved.");

        var (groupLabels, groupError) = Pairs(message.GroupLabels, "groupLabels");
        var (commonLabels, labelsError) = Pairs(message.CommonLabels, "commonLabels");
        var (commonAnnotations, annotationsError) = Pairs(message.CommonAnnotations, "commonAnnotations");
        if ((groupError ?? labelsError ?? annotationsError) is { } pairError) return (null, pairError);
        return (new AlertNotification(message.Receiver, status, message.GroupKey, groupLabels!, commonLabels!, commonAnnotations!,
            message.ExternalUrl, message.TruncatedAlerts ?? 0, alerts), null);
    }

    private static (Alert? Alert, string? Error) ReadAlert(WebhookAlert? alert, string at)
    {
        if (alert is null) return (null, $"{at} is not an alert object.");
        if (!TryStatus(alert.Status, out var status)) return (null, $"{at}.status must be firing or resolved, not {Quoted(alert.Status)}.");
        if (alert.Labels is null) return (null, $"{at}.labels is missing.");
        var (labels, labelsError) = Pairs(alert.Labels, $"{at}.labels");
        var (annotations, annotationsError) = Pairs(alert.Annotations, $"{at}.annotations");
        if ((labelsError ?? annotationsError) is { } error) return (null, error);
        if (alert.Fingerprint is null || !Fingerprint().IsMatch(alert.Fingerprint))
            return (null, $"{at}.fingerprint must be Alertmanager's hex fingerprint, not {Quoted(alert.Fingerprint)}.");
        if (!TryTime(alert.StartsAt, out var startsAt)) return (null, $"{at}.startsAt must be an RFC 3339 time, not {Quoted(alert.StartsAt)}.");
        if (startsAt is null) return (null, $"{at}.startsAt is Go's zero time; an alert has a start.");
        DateTimeOffset? endsAt = null;
        if (alert.EndsAt is not null && !TryTime(alert.EndsAt, out endsAt))
            return (null, $"{at}.endsAt must be an RFC 3339 time, not {Quoted(alert.EndsAt)}.");
        if (status == AlertStatus.Resolved && endsAt is null) return (null, $"{at} is resolved but has no endsAt.");
        if (endsAt < startsAt) return (null, $"{at}.endsAt is before its startsAt.");
        // A firing alert's end is only Alertmanager's guess of when it will time out: it is not the alert's end.
        if (status == AlertStatus.Firing) endsAt = null;
        return (new Alert(status, labels!, annotations!, startsAt.Value, endsAt, alert.Fingerprint.ToLowerInvariant(), alert.GeneratorUrl), null);
    }

    private static (IReadOnlyDictionary<string, string>? Pairs, string? Error) Pairs(Dictionary<string, string?>? wire, string at)
    {
        var pairs = new Dictionary<string, string>(wire?.Count ?? 0, StringComparer.Ordinal);
        foreach (var (name, value) in wire ?? [])
        {
            if (name.Length == 0) return (null, $"{at} has an empty name.");
            if (value is null) return (null, $"{at}.{Shown(name)} is null.");
            pairs[name] = value;
        }
        return (pairs, null);
    }

    private static bool TryStatus(string? text, out AlertStatus status)
    {
        status = text == "resolved" ? AlertStatus.Resolved : AlertStatus.Firing;
        return text is "firing" or "resolved";
    }

    /// <summary>
    /// RFC 3339 as Go writes it (<c>2026-11-28T08:47:13.512345678Z</c>, nanoseconds and all; .NET keeps 100 ns). Go's zero
    /// time, which Alertmanager sends for "not ended", reads as null.
    /// </summary>
    private static bool TryTime(string? text, out DateTimeOffset? at)
    {
        at = null;
        var match = Rfc3339().Match(text ?? "");
        if (!match.Success) return false;
        var fraction = (match.Groups["fraction"].Value + "0000000")[..7];
        var offset = match.Groups["offset"].Value is "Z" or "z" ? "+00:00" : match.Groups["offset"].Value;
        if (!DateTimeOffset.TryParseExact($"{match.Groups["time"].Value.ToUpperInvariant()}.{fraction}{offset}", "yyyy-MM-dd'T'HH:mm:ss.fffffffzzz",
                CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            return false;
        at = parsed.Year == 1 ? null : parsed;
        return true;
    }

    private static string Quoted(string? text) => text is null ? "nothing" : $"'{Shown(text)}'";

    private static string Shown(string text) => text.Length <= 60 ? text : text[..60] + "…";

    [GeneratedRegex(@"^(?<time>\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2})(?:\.(?<fraction>\d{1,9}))?(?<offset>[Zz]|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc3339();

    [GeneratedRegex("^[0-9a-fA-F]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Fingerprint();
}
