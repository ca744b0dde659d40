using ChatOps.Core.Checks;
using ChatOps.Core.Runs;

namespace ChatOps.Core.Runbooks;

/// <summary>The runbooks the bot carries, by id.</summary>
public sealed class RunbookCatalog(IReadOnlyList<Runbook> runbooks)
{
    public IReadOnlyList<Runbook> All { get; } = runbooks;

    public Runbook? Find(string id) => All.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>Runbooks whose <c>alerts</c> list names this Alertmanager alert.</summary>
    public IEnumerable<Runbook> ForAlert(string alertName) =>
        All.Where(r => r.Alerts.Contains(alertName, StringComparer.OrdinalIgnoreCase));

    /// <summary>Finds a check by <c>runbook/check</c> or by its bare id when only one runbook has it.</summary>
    public CheckLookup FindCheck(string reference)
    {
        var slash = reference.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0)
        {
            var runbook = Find(reference[..slash]);
            var check = runbook?.FindCheck(reference[(slash + 1)..]);
            return new CheckLookup(check is null ? [] : [(runbook!, check)]);
        }
        return new CheckLookup([.. All.SelectMany(r => r.Checks.Where(c => c.Id == reference).Select(c => (r, c)))]);
    }
}

public sealed record CheckLookup(IReadOnlyList<(Runbook Runbook, CheckDefinition Check)> Matches);
