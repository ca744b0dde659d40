using System.Globalization;
using System.Text.Json;
using ChatOps.Core.Chat;
using ChatOps.Core.Checks;
using ChatOps.Core.Expressions;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;

namespace ChatOps.Targets.Checks;

/// <summary>
/// Reads the API's envelope (<c>{"status":"success","data":{"resultType":...,"result":...}}</c>, see
/// https://prometheus.io/docs/prometheus/latest/querying/api/#expression-query-result-formats) into an observation.
/// </summary>
internal static class PrometheusAnswer
{
    public static CheckObservation Read(string body, int httpStatus)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            throw new CheckFailedException($"answered HTTP {httpStatus} with non-JSON, not the Prometheus API: {TargetHttp.Snippet(body)}");
        }
        using (document)
        {
            var root = document.RootElement;
            var status = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("status", out var s) ? s.GetString() : null;
            if (status == "error")
                throw new CheckFailedException($"Prometheus refused the query ({Text(root, "errorType")}): {Text(root, "error")}");
            if (status != "success" || !root.TryGetProperty("data", out var data))
                throw new CheckFailedException($"answered HTTP {httpStatus} without a Prometheus result: {TargetHttp.Snippet(body)}");
            try
            {
                return Result(data);
            }
            catch (Exception e) when (e is InvalidOperationException or KeyNotFoundException or IndexOutOfRangeException or FormatException)
            {
                throw new CheckFailedException($"answered a malformed Prometheus result: {e.Message}", e);
            }
        }
    }

    private static CheckObservation Result(JsonElement data) =>
        Text(data, "resultType") switch
        {
            // A scalar is kept as the one-series vector it grades like, so that a scenario needs one shape.
            "scalar" => Single(Sample(data.GetProperty("result"))) with
            {
                Reply = new PrometheusReply($"[{{\"metric\":{{}},\"value\":{data.GetProperty("result").GetRawText()}}}]"),
            },
            "vector" => Vector([.. data.GetProperty("result").EnumerateArray().Select(Series)]) with
            {
                Reply = new PrometheusReply(data.GetProperty("result").GetRawText()),
            },
            "string" => new CheckObservation(new Dictionary<string, ExpressionValue>(), data.GetProperty("result")[1].GetString() ?? ""),
            "matrix" => throw new CheckFailedException(
                "the query returns a range vector; wrap it in a function such as rate() or max_over_time()"),
            var other => throw new CheckFailedException($"Prometheus answered an unknown result type '{other}'"),
        };

    private static CheckObservation Single(double value) =>
        new(Values(value, count: 1), double.IsNaN(value) ? NotANumber : NumberText.Format(value), NoData: NaNReturned(value));

    private static CheckObservation Vector(IReadOnlyList<PrometheusSeries> series)
    {
        if (series.Count == 0) return CheckObservation.Empty(Values(double.NaN, count: 0), "the query returned no series");
        if (series.Count == 1)
        {
            var only = series[0];
            var text = double.IsNaN(only.Value) ? NotANumber : NumberText.Format(only.Value);
            return new CheckObservation(
                Values(only.Value, 1), only.Labels.Count == 0 ? text : $"{text} ({only.LabelText})", NoData: NaNReturned(only.Value));
        }
        // Several series: value is the highest, because thresholds ask "is any of them too high?" and the table shows the rest.
        var ordered = series.OrderByDescending(s => double.IsNaN(s.Value) ? double.NegativeInfinity : s.Value).ToList();
        var numbers = ordered.Where(s => !double.IsNaN(s.Value)).ToList();
        var max = numbers.Count == 0 ? double.NaN : numbers[0].Value;
        var columns = ordered.SelectMany(s => s.Labels.Keys).Distinct()
            .OrderBy(k => k == "__name__" ? "" : k, StringComparer.Ordinal).ToList();
        var rows = ordered
            .Select(s => (IReadOnlyList<string>)[.. columns.Select(c => s.Labels.GetValueOrDefault(c, "")), NumberText.Format(s.Value)])
            .ToList();
        var summary = numbers.Count == 0
            ? $"{series.Count} series, all NaN"
            : $"{series.Count} series, highest {NumberText.Format(max)} ({numbers[0].LabelText})";
        return new CheckObservation(Values(max, series.Count), summary, new TableBlock([.. columns, "value"], rows),
            NoData: numbers.Count == 0 ? $"all {series.Count} series the query returned are NaN" : null);
    }

    private const string NotANumber = "NaN (not a number: often 0/0, no samples in the window)";

    private static string? NaNReturned(double value) => double.IsNaN(value) ? "the query returned " + NotANumber : null;

    private static Dictionary<string, ExpressionValue> Values(double value, int count)
    {
        // NaN has no order, so thresholds cannot read it: leave value out and let grading say so.
        var values = new Dictionary<string, ExpressionValue>(StringComparer.Ordinal) { ["count"] = ExpressionValue.Of(count) };
        if (!double.IsNaN(value)) values["value"] = ExpressionValue.Of(value);
        return values;
    }

    private static PrometheusSeries Series(JsonElement element)
    {
        var labels = element.TryGetProperty("metric", out var metric)
            ? metric.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal)
            : [];
        return new PrometheusSeries(labels, Sample(element.GetProperty("value")));
    }

    // A sample is [ <unix time>, "<value>" ]; the value is a string so that NaN and ±Inf survive JSON.
    private static double Sample(JsonElement pair) => pair[1].GetString() switch
    {
        "NaN" => double.NaN,
        "+Inf" or "Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        var text => double.Parse(text!, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "?";
}
