using ChatOps.TestKit.Servers;

namespace ChatOps.Targets.Tests.Fixtures;

/// <summary>Equality-based label selectors (<c>app=vllm,tier!=canary</c>), the part of the grammar the runbooks use.</summary>
public static class LabelSelector
{
    public static bool TryParse(string? selector, out Func<IReadOnlyDictionary<string, string>, bool> matches)
    {
        var tests = new List<Func<IReadOnlyDictionary<string, string>, bool>>();
        matches = labels => tests.All(t => t(labels));
        if (string.IsNullOrWhiteSpace(selector)) return true;
        foreach (var requirement in selector.Split(','))
        {
            var negated = requirement.Contains("!=", StringComparison.Ordinal);
            var parts = requirement.Split(negated ? "!=" : requirement.Contains("==", StringComparison.Ordinal) ? "==" : "=");
            if (parts.Length != 2 || parts[0].Trim().Length == 0) return false;
            var (key, value) = (parts[0].Trim(), parts[1].Trim());
            tests.Add(labels => labels.TryGetValue(key, out var actual) && actual == value ? !negated : negated);
        }
        return true;
    }
}
