using System.Text;
using ChatOps.Core.Checks;

namespace ChatOps.Targets.Checks;

/// <summary>
/// A GET, or a POST with a JSON body, to a path of an HTTP target: status, latency and a value read from the JSON
/// answer (<see cref="HttpAnswer"/>).
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
        return HttpAnswer.Read(spec, (int)response.StatusCode, response.ReasonPhrase, latency, body, response.Content.Headers.ContentType?.MediaType);
    }
}
