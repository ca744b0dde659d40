using System.Text.RegularExpressions;

namespace ChatOps.Targets.Checks;

/// <summary>A runbook's <c>match</c>, case-insensitive, safe to run over untrusted log text.</summary>
internal static class LogPattern
{
    public static Func<string, bool> Create(string? pattern)
    {
        if (pattern is null) return _ => true;
        Regex regex;
        try
        {
            // Log lines are attacker-controlled (prompt injections end up in them); the non-backtracking engine runs in linear time.
            regex = new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
        }
        catch (NotSupportedException)
        {
            // Backreferences and lookarounds need the backtracking engine; a timeout bounds it instead.
            regex = new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        }
        return regex.IsMatch;
    }
}
