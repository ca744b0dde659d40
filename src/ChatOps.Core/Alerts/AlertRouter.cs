using ChatOps.Core.Incidents;
using ChatOps.Core.Runbooks;
using Microsoft.Extensions.Options;

namespace ChatOps.Core.Alerts;

/// <summary>
/// Chooses a group's route: the first configured route whose matchers all hold for one of the group's alerts. Where
/// neither that route nor any names a runbook, the runbook whose <c>alerts</c> list names the alert is offered.
/// </summary>
public sealed class AlertRouter
{
    private readonly IReadOnlyList<(IReadOnlyList<AlertMatcher> Matchers, AlertRouteOptions Options)> _routes;
    private readonly RunbookCatalog _catalog;
    private readonly Severity _defaultSeverity;

    public AlertRouter(IOptions<AlertOptions> options, IOptions<IncidentOptions> incidents, RunbookCatalog catalog)
    {
        // Options that do not compile were refused at start (AlertOptionsValidation); a route in error is never chosen.
        _routes = Compile(options.Value, catalog).Routes;
        (_catalog, _defaultSeverity) = (catalog, incidents.Value.DefaultSeverity);
    }

    public AlertRoute Route(AlertNotification notification)
    {
        var chosen = _routes.FirstOrDefault(r => notification.Alerts.Any(a => r.Matchers.All(m => m.Matches(a.Labels)))).Options;
        var runbook = chosen?.Runbook is { } named
            ? _catalog.Find(named)!.Id
            : notification.Alerts.Select(a => _catalog.ForAlert(a.Name).FirstOrDefault()).FirstOrDefault(r => r is not null)?.Id;
        return new AlertRoute(
            runbook,
            SeverityText.TryParse(chosen?.Severity, out var severity) ? severity : _defaultSeverity,
            Action(chosen?.Declare) ?? AlertAction.Offer,
            Action(chosen?.Run) ?? AlertAction.Offer);
    }

    /// <summary>The routes read from configuration, and a line naming each setting that is wrong.</summary>
    public static (IReadOnlyList<(IReadOnlyList<AlertMatcher>, AlertRouteOptions)> Routes, IReadOnlyList<string> Errors) Compile(
        AlertOptions options, RunbookCatalog catalog)
    {
        var routes = new List<(IReadOnlyList<AlertMatcher>, AlertRouteOptions)>();
        var errors = new List<string>();
        for (var i = 0; i < options.Routes.Count; i++)
        {
            var route = options.Routes[i];
            var at = $"{AlertOptions.SectionName}:Routes:{i}";
            var before = errors.Count;
            var matchers = new List<AlertMatcher>();
            for (var m = 0; m < route.Matchers.Count; m++)
            {
                if (AlertMatcher.TryParse(route.Matchers[m], out var matcher, out var error)) matchers.Add(matcher);
                else errors.Add($"{at}:Matchers:{m}: {error}");
            }
            if (route.Runbook is { } runbook && catalog.Find(runbook) is null)
                errors.Add($"{at}:Runbook: there is no runbook '{runbook}'; the runbooks are {string.Join(", ", catalog.All.Select(r => r.Id))}.");
            if (route.Severity is { } severity && !SeverityText.TryParse(severity, out _))
                errors.Add($"{at}:Severity: '{severity}' is not a severity; write Sev1, Sev2, Sev3 or Sev4.");
            if (route.Declare is { } declare && Action(declare) is null)
                errors.Add($"{at}:Declare: '{declare}' is neither offer nor auto.");
            if (route.Run is { } run && Action(run) is null) errors.Add($"{at}:Run: '{run}' is neither offer nor auto.");
            if (errors.Count == before) routes.Add((matchers, route));
        }
        return (routes, errors);
    }

    private static AlertAction? Action(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null => null,
        "offer" => AlertAction.Offer,
        "auto" => AlertAction.Auto,
        _ => null,
    };
}
