using ChatOps.Core.Checks;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Runs;

namespace ChatOps.Targets.Checks;

/// <summary>An instant query through the Prometheus HTTP API (<c>GET /api/v1/query</c>).</summary>
internal sealed class PrometheusCheckExecutor(IHttpClientFactory clients, TargetDirectory targets) : ICheckExecutor
{
    public string Kind => "prometheus";

    public async Task<CheckObservation> ExecuteAsync(CheckDefinition check, CancellationToken cancellationToken)
    {
        var spec = (PrometheusCheck)check.Spec;
        var target = targets.Resolve(check);
        // No time parameter: Prometheus evaluates at its own "now", the moment the responder asked about.
        var uri = TargetHttp.Combine(target.Url!, "/api/v1/query?query=" + Uri.EscapeDataString(spec.Query));
        using var request = TargetHttp.Request(HttpMethod.Get, uri, target);
        using var response = await TargetHttp.SendAsync(clients, request, check.Target, cancellationToken);
        var body = await TargetHttp.ReadBodyAsync(response, check.Target, cancellationToken);
        return PrometheusAnswer.Read(body, (int)response.StatusCode);
    }
}
