using ChatOps.Core.Alerts;
using ChatOps.Core.Incidents;
using ChatOps.Core.Runbooks;
using ChatOps.TestKit;
using MsOptions = Microsoft.Extensions.Options.Options;
using static ChatOps.TestKit.AlertSamples;

namespace ChatOps.Core.Tests.Alerts;

/// <summary>Routes map a group's alerts to a runbook, a severity and what the bot does by itself, by Alertmanager-style label matchers.</summary>
public sealed class AlertRoutingTests
{
    private static readonly RunbookCatalog Catalog = new(RunbookLoader.LoadFolder(RepoPaths.Runbooks).Runbooks);

    private static AlertOptions Options(params AlertRouteOptions[] routes)
    {
        var options = new AlertOptions { Channel = "slack:C0ALERTS" };
        options.Routes.AddRange(routes);
        return options;
    }

    private static AlertRouteOptions Route(string? runbook = null, string? severity = null, string? declare = null, string? run = null, params string[] matchers)
    {
        var route = new AlertRouteOptions { Runbook = runbook, Severity = severity, Declare = declare, Run = run };
        route.Matchers.AddRange(matchers);
        return route;
    }

    private static AlertRouter Router(AlertOptions options) =>
        new(MsOptions.Create(options), MsOptions.Create(new IncidentOptions()), Catalog);

    private static Alert With(Alert alert, string label, string value) =>
        alert with { Labels = new Dictionary<string, string>(alert.Labels) { [label] = value } };

    [Fact]
    public void The_first_route_whose_matchers_all_hold_for_one_alert_decides()
    {
        var router = Router(Options(
            Route("cost-spike", "sev4", matchers: ["alertname=HighLatency", "severity=warning"]),
            Route("high-error-rate", "Sev1", "auto", "auto", "alertname=~\"High.*\"", "service!=canary"),
            Route("quality-regression", "sev2", matchers: ["alertname=~High.*"])));

        var critical = Notification(Firing("HighLatency"), With(Firing("HighLatency", "vllm-1"), "severity", "warning"));
        Assert.Equal(new AlertRoute("cost-spike", Severity.Sev4, AlertAction.Offer, AlertAction.Offer), router.Route(critical));

        var second = Notification(Firing("HighErrorRate"));
        Assert.Equal(new AlertRoute("high-error-rate", Severity.Sev1, AlertAction.Auto, AlertAction.Auto), router.Route(second));

        var canary = Notification(With(Firing("HighErrorRate"), "service", "canary"));
        Assert.Equal(new AlertRoute("quality-regression", Severity.Sev2, AlertAction.Offer, AlertAction.Offer), router.Route(canary));
    }

    [Fact]
    public void A_regex_matches_the_whole_value_and_a_missing_label_reads_as_empty()
    {
        var router = Router(Options(
            Route("cost-spike", declare: "auto", matchers: ["team=\"\""]),
            Route("security-incident", matchers: ["alertname=~Latency"]),
            Route("high-error-rate", matchers: ["alertname!~\"Cost.*|Budget.*\""])));

        Assert.Equal(new AlertRoute("cost-spike", Severity.Sev3, AlertAction.Auto, AlertAction.Offer), router.Route(Notification(Firing("HighLatency"))));
        var owned = Notification(With(Firing("HighLatency"), "team", "inference"));
        Assert.Equal(new AlertRoute("high-error-rate", Severity.Sev3, AlertAction.Offer, AlertAction.Offer), router.Route(owned));
        var cost = Notification(With(Firing("CostSpike"), "team", "billing"));
        Assert.Equal(new AlertRoute("cost-spike", Severity.Sev3, AlertAction.Offer, AlertAction.Offer), router.Route(cost));
    }

    [Fact]
    public void Without_a_route_the_runbook_whose_alerts_list_names_the_alert_is_offered_at_the_default_severity()
    {
        var router = Router(Options(Route(severity: "sev2", matchers: ["service=inference"])));

        Assert.Equal(new AlertRoute("high-latency", Severity.Sev2, AlertAction.Offer, AlertAction.Offer), router.Route(Notification(Firing("GPUSaturation"))));
        var elsewhere = Notification(With(Firing("CostSpike"), "service", "billing"));
        Assert.Equal(new AlertRoute("cost-spike", Severity.Sev3, AlertAction.Offer, AlertAction.Offer), router.Route(elsewhere));
        Assert.Equal(new AlertRoute(null, Severity.Sev3, AlertAction.Offer, AlertAction.Offer), router.Route(Notification(With(Firing("DiskFull"), "service", "db"))));
    }

    [Theory]
    [InlineData("severity = critical", "severity", "=", "critical")]
    [InlineData("  alertname=~\"High.*\"", "alertname", "=~", "High.*")]
    [InlineData("summary=\"say \\\"hi\\\" \\\\ bye\"", "summary", "=", "say \"hi\" \\ bye")]
    [InlineData("team!~\"infra|db\"", "team", "!~", "infra|db")]
    [InlineData("team!=", "team", "!=", "")]
    public void Matchers_read_as_Alertmanager_writes_them(string text, string label, string op, string value)
    {
        Assert.True(AlertMatcher.TryParse(text, out var matcher, out var error), error);
        Assert.Equal((label, op, value), (matcher.Label, matcher.Operator, matcher.Value));
    }

    [Fact]
    public void Every_wrong_route_setting_is_refused_at_start_naming_it()
    {
        var options = Options(
            Route("no-such-runbook", "sev9", "maybe", "later", "severity", "9lives=x", "a=~(unclosed", "b=\"open", "c=~(a)\\1"));
        options.Channel = "C0ALERTS";

        var result = new AlertOptionsValidation(Catalog).Validate(null, options);

        Assert.True(result.Failed);
        var failures = result.Failures!.ToList();
        Assert.Contains(failures, f => f.StartsWith("Alerts:Channel: 'C0ALERTS' is not platform:channel", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Alerts:Routes:0:Matchers:0: 'severity' is not a matcher", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Alerts:Routes:0:Matchers:1: '9lives=x' is not a matcher", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Alerts:Routes:0:Matchers:2:", StringComparison.Ordinal) && f.Contains("is not a regular expression", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Alerts:Routes:0:Matchers:3:", StringComparison.Ordinal) && f.Contains("not closed", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Alerts:Routes:0:Matchers:4:", StringComparison.Ordinal) && f.Contains("is not a regular expression", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Alerts:Routes:0:Runbook: there is no runbook 'no-such-runbook'", StringComparison.Ordinal));
        Assert.Contains("Alerts:Routes:0:Severity: 'sev9' is not a severity; write Sev1, Sev2, Sev3 or Sev4.", failures);
        Assert.Contains("Alerts:Routes:0:Declare: 'maybe' is neither offer nor auto.", failures);
        Assert.Contains("Alerts:Routes:0:Run: 'later' is neither offer nor auto.", failures);
    }

    [Fact]
    public void Good_routes_and_no_routes_pass()
    {
        var validation = new AlertOptionsValidation(Catalog);
        Assert.True(validation.Validate(null, new AlertOptions()).Succeeded);
        Assert.True(validation.Validate(null, Options(Route("HIGH-LATENCY", "SEV1", "Auto", "offer", "alertname=~\"High.*\""))).Succeeded);
    }
}
