using System.Globalization;
using System.Text.Json;
using ChatOps.Core.Checks;
using ChatOps.Core.Expressions;

namespace ChatOps.Targets.Checks;

/// <summary>An HTTP answer read into an observation: status, latency and what <c>extract</c> reads from a JSON body.</summary>
internal static class HttpAnswer
{
    public static CheckObservation Read(HttpCheck spec, int status, string? reason, TimeSpan latency, string body, string? mediaType)
    {
        var answered = string.Create(CultureInfo.InvariantCulture, $"{status} {reason} in {latency.TotalMilliseconds:0} ms");
        var values = new Dictionary<string, ExpressionValue>(StringComparer.Ordinal)
        {
            ["status"] = ExpressionValue.Of(status),
            ["latency_ms"] = ExpressionValue.Of(Math.Round(latency.TotalMilliseconds)),
        };
        var reply = new HttpReply(status, body);
        if (spec.Extract is null) return new CheckObservation(values, answered) { Reply = reply };

        if (status is < 200 or > 299)
            throw new CheckFailedException(
                $"answered {status} {reason}, so '{spec.Extract}' has nothing to read: {TargetHttp.Snippet(body)}");
        var value = Extract(body, spec.Extract, mediaType);
        if (value is not { } found)
            return new CheckObservation(
                values, $"{answered} · {spec.Extract} found nothing", NoData: $"the answer has nothing at {spec.Extract}") { Reply = reply };
        values["value"] = found;
        return new CheckObservation(
            values, $"{answered} · {spec.Extract} = {(found.Number is { } n ? NumberText.Format(n) : found.Text)}") { Reply = reply };
    }

    private static ExpressionValue? Extract(string body, string path, string? mediaType)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            throw new CheckFailedException($"answered non-JSON ({mediaType ?? "no content type"}): {TargetHttp.Snippet(body)}");
        }
        using (document) return JsonExtract.Read(document.RootElement, path);
    }
}
