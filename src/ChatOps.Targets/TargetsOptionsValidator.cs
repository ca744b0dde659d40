using Microsoft.Extensions.Options;

namespace ChatOps.Targets;

/// <summary>
/// Refuses at start a target that could never answer: an unknown kind, a missing URL, connection string or namespace;
/// mitigation settings that could never work (a block key without its subject, a restart without a ConfigMap).
/// </summary>
internal sealed class TargetsOptionsValidator : IValidateOptions<TargetsOptions>
{
    public const string SubjectPlaceholder = "{subject}";

    public ValidateOptionsResult Validate(string? name, TargetsOptions options)
    {
        var failures = new List<string>();
        foreach (var (targetName, target) in options.Targets)
        {
            foreach (var problem in Problems(target))
                failures.Add($"Targets:{targetName}: {problem}");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IEnumerable<string> Problems(TargetOptions target)
    {
        switch (target.Kind.ToLowerInvariant())
        {
            case TargetKinds.Prometheus or TargetKinds.Http:
                if (!IsHttpUrl(target.Url)) yield return "Url must be an absolute http or https URL.";
                break;
            case TargetKinds.Redis:
                if (string.IsNullOrWhiteSpace(target.ConnectionString)) yield return "ConnectionString is required.";
                if (target.Hash is not null && string.IsNullOrWhiteSpace(target.Hash)) yield return "Hash must name a Redis key when set.";
                if (!target.BlockKey.Contains(SubjectPlaceholder, StringComparison.Ordinal))
                    yield return $"BlockKey must contain {SubjectPlaceholder}, where the blocked user id or IP address goes.";
                break;
            case TargetKinds.Postgres:
                if (string.IsNullOrWhiteSpace(target.ConnectionString)) yield return "ConnectionString is required.";
                break;
            case TargetKinds.Kubernetes:
                if (string.IsNullOrWhiteSpace(target.Namespace)) yield return "Namespace is required.";
                if (target.Server is not null && !IsHttpUrl(target.Server)) yield return "Server must be an absolute http or https URL.";
                if (target.Server is not null && target.Kubeconfig is not null) yield return "set Server or Kubeconfig, not both.";
                if (target.MaxReplicas < 0) yield return "MaxReplicas must be 0 or more.";
                if (target.ConfigMap is not null && !IsDnsName(target.ConfigMap)) yield return $"ConfigMap '{target.ConfigMap}' is not a valid object name.";
                if (target.RestartDeployments.Count > 0 && target.ConfigMap is null) yield return "RestartDeployments needs ConfigMap.";
                foreach (var deployment in target.RestartDeployments.Where(d => !IsDnsName(d)))
                    yield return $"RestartDeployments: '{deployment}' is not a valid deployment name.";
                break;
            default:
                yield return $"Kind '{target.Kind}' is unknown; use {string.Join(", ", TargetKinds.All)}.";
                break;
        }
    }

    // A Kubernetes object name (RFC 1123 subdomain): lower-case letters, digits, '-' and '.', at most 253 characters.
    private static bool IsDnsName(string name) =>
        name.Length is > 0 and <= 253 && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '.')
        && char.IsAsciiLetterOrDigit(name[0]) && char.IsAsciiLetterOrDigit(name[^1]);

    private static bool IsHttpUrl(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
