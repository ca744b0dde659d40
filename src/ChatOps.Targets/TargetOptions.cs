namespace ChatOps.Targets;

/// <summary>One target: its <see cref="Kind"/> says which of the other settings apply (see README).</summary>
public sealed class TargetOptions
{
    /// <summary>One of <see cref="TargetKinds"/>.</summary>
    public string Kind { get; set; } = "";

    /// <summary>Base URL of a <c>prometheus</c> or <c>http</c> target; a check's path is appended to it.</summary>
    public string? Url { get; set; }

    /// <summary>Headers sent with every request to a <c>prometheus</c> or <c>http</c> target, e.g. <c>Authorization</c>.</summary>
    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>StackExchange.Redis configuration string (<c>redis</c>) or Npgsql connection string (<c>postgres</c>).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The namespace whose pods a <c>kubernetes</c> target reads.</summary>
    public string? Namespace { get; set; }

    /// <summary>A kubeconfig file for a <c>kubernetes</c> target; without it and <see cref="Server"/>, the in-cluster service account or the default kubeconfig.</summary>
    public string? Kubeconfig { get; set; }

    /// <summary>The kubeconfig context to use; its current context when empty.</summary>
    public string? Context { get; set; }

    /// <summary>An API server URL reached without credentials beyond <see cref="AccessToken"/> (a local proxy, tests).</summary>
    public string? Server { get; set; }

    /// <summary>Bearer token sent to <see cref="Server"/>.</summary>
    public string? AccessToken { get; set; }

    /// <summary>The most replicas a <c>scale</c> mitigation may set on a deployment of a <c>kubernetes</c> target.</summary>
    public int MaxReplicas { get; set; } = 20;

    /// <summary>The Redis hash a <c>set-flag</c> mitigation writes on a <c>redis</c> target (<c>platform:flags</c>): one field per flag.</summary>
    public string? Hash { get; set; }

    /// <summary>The ConfigMap a <c>set-flag</c> mitigation writes on a <c>kubernetes</c> target: one data key per flag.</summary>
    public string? ConfigMap { get; set; }

    /// <summary>Deployments restarted (as <c>kubectl rollout restart</c>) after a flag in <see cref="ConfigMap"/> changes, so they read it.</summary>
    public List<string> RestartDeployments { get; } = [];

    /// <summary>The key a <c>block</c> mitigation sets on a <c>redis</c> target; <c>{subject}</c> stands for the user id or IP address.</summary>
    public string BlockKey { get; set; } = "blocked:{subject}";
}
