namespace ChatOps.Targets;

/// <summary>The kinds of target, and which check kinds each serves.</summary>
public static class TargetKinds
{
    public const string Prometheus = "prometheus";
    public const string Http = "http";
    public const string Redis = "redis";
    public const string Postgres = "postgres";
    public const string Kubernetes = "kubernetes";

    public static IReadOnlyList<string> All { get; } = [Prometheus, Http, Redis, Postgres, Kubernetes];

    /// <summary>The target kinds a check kind may run against; an http check may also probe Prometheus (<c>/-/healthy</c>).</summary>
    public static IReadOnlyList<string> ServingCheck(string checkKind) => checkKind switch
    {
        "prometheus" => [Prometheus],
        "http" => [Http, Prometheus],
        "redis" => [Redis],
        "postgres" => [Postgres],
        "kubernetes-logs" => [Kubernetes],
        _ => [],
    };
}
