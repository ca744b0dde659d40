using System.Globalization;
using System.Text;
using System.Text.Json;
using ChatOps.Core.Checks;
using ChatOps.Core.Expressions;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Runs;

namespace ChatOps.Targets.Checks;

/// <summary>
/// A GET, or a POST with a JSON body, to a path of an HTTP target: status, latency and a value read from the JSON
/// answer.
/// </summary>
internal sealed class HttpCheckExecutor(IHttpClientFactory clients, TargetDirectory targets, TimeProvider time) : ICheckExecutor
{
    public string Kind => "http";

    public async Task<CheckObservation> ExecuteAsync(CheckDefinition check, CancellationToken cancellationToken)
    {
        var spec = (HttpCheck)check.Spec;
        var target = targets.Resolve(check);
        using var request = TargetHttp.Request(
            spec.Method == "POST" ? HttpMethod.Post : HttpMethod.Get, TargetHttp.Combine(target.Url!, spec.Path), target);
        if (spec.Body is not null) request.Content = new StringContent(spec.Body, Encoding.UTF8, "application/json");

        var started = time.GetTimestamp();
        using var response = await TargetHttp.SendAsync(clients, request, check.Target, cancellationToken);
        var body = await TargetHttp.ReadBodyAsync(response, check.Target, cancellationToken);
        var latency = time.GetElapsedTime(started);

        var status = (int)response.StatusCode;
        var answered = string.Create(CultureInfo.InvariantCulture, $"{status} {response.ReasonPhrase} in {latency.TotalMilliseconds:0} ms");
        var values = new Dictionary<string, ExpressionValue>(StringComparer.Ordinal)
        {
            ["status"] = ExpressionValue.Of(status),
            ["latency_ms"] = ExpressionValue.Of(Math.Round(latency.TotalMilliseconds)),
        };
        if (spec.Extract is null) return new CheckObservation(values, answered);

        if (!response.IsSuccessStatusCode)
            throw new CheckFailedException(
                $"answered {status} {response.ReasonPhrase}, so '{spec.Extract}' has nothing to read: {TargetHttp.Snippet(body)}");
        var value = Extract(body, spec.Extract, response.Content.Headers.ContentType?.MediaType);
        if (value is not { } found)
            return new CheckObservation(
                values, $"{answered} · {spec.Extract} found nothing", NoData: $"the answer has nothing at {spec.Extract}");
        values["value"] = found;
        return new CheckObservation(
            values, $"{answered} · {spec.Extract} = {(found.Number is { } n ? NumberText.Format(n) : found.Text)}");
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
