using ChatOps.Core.Mitigations;
using k8s.Models;

namespace ChatOps.Targets.Mitigations;

/// <summary>A deployment's selector in the query form the list API takes (<c>app=vllm,tier in (gpu)</c>).</summary>
internal static class LabelSelectors
{
    public static string Format(V1LabelSelector selector)
    {
        var parts = new List<string>();
        foreach (var (key, value) in (selector.MatchLabels ?? new Dictionary<string, string>()).OrderBy(p => p.Key, StringComparer.Ordinal))
            parts.Add($"{key}={value}");
        foreach (var requirement in selector.MatchExpressions ?? [])
        {
            var values = string.Join(',', requirement.Values ?? []);
            parts.Add(requirement.OperatorProperty switch
            {
                "In" => $"{requirement.Key} in ({values})",
                "NotIn" => $"{requirement.Key} notin ({values})",
                "Exists" => requirement.Key,
                "DoesNotExist" => $"!{requirement.Key}",
                var other => throw new MitigationFailedException($"selector operator '{other}' is unknown"),
            });
        }
        return string.Join(',', parts);
    }
}
