using Microsoft.Extensions.Options;

namespace ChatOps.Targets;

/// <summary>Refuses at start a target that could never answer: an unknown kind, a missing URL, connection string or namespace.</summary>
internal sealed class TargetsOptionsValidator : IValidateOptions<TargetsOptions>
{
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
            case TargetKinds.Redis or TargetKinds.Postgres:
                if (string.IsNullOrWhiteSpace(target.ConnectionString)) yield return "ConnectionString is required.";
                break;
            case TargetKinds.Kubernetes:
                if (string.IsNullOrWhiteSpace(target.Namespace)) yield return "Namespace is required.";
                if (target.Server is not null && !IsHttpUrl(target.Server)) yield return "Server must be an absolute http or https URL.";
                if (target.Server is not null && target.Kubeconfig is not null) yield return "set Server or Kubeconfig, not both.";
                break;
            default:
                yield return $"Kind '{target.Kind}' is unknown; use {string.Join(", ", TargetKinds.All)}.";
                break;
        }
    }

    private static bool IsHttpUrl(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
