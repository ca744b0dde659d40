namespace ChatOps.Core.Checks;

/// <summary>
/// An instant vector as <c>/api/v1/query</c> returns it in <c>data.result</c>: JSON text of an array of
/// <c>{"metric": {labels}, "value": [unix time, "number"]}</c>.
/// </summary>
public sealed record PrometheusReply(string Result) : TargetReply;
