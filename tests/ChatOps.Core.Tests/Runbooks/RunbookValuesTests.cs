using ChatOps.Core.Drills;
using ChatOps.Core.Messages;
using ChatOps.Core.Checks;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Runs;
using ChatOps.Core.Scenarios;
using ChatOps.TestKit;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatOps.Core.Tests.Runbooks;

/// <summary>A runbook declares values with defaults; a deployment sets its own under <c>Runbooks:Values</c>.</summary>
public sealed class RunbookValuesTests
{
    private const string Spend = """
        id: spend
        title: Spend
        values:
          daily_budget_usd: 1000   # a default
          warn_share: 0.8
        notes:
          - Budget ${daily_budget_usd} USD a day.
        checks:
          - id: spend-share
            title: Spend against ${daily_budget_usd} USD
            kind: prometheus
            target: metrics
            query: sum(increase(cost_usd_total[1d])) / ${daily_budget_usd}
            warn: value > ${warn_share}
            critical: value > 1.2
        """;

    private static Runbook Load(RunbookValues? values = null)
    {
        var result = RunbookLoader.LoadText(Spend, "spend.yaml", values);
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        return Assert.Single(result.Runbooks);
    }

    private static async Task<CheckGrade> GradeAsync(Runbook runbook, double answer)
    {
        var runner = new CheckRunner(new IncidentExecutors([new ScriptedCheckExecutor("prometheus").Answer("spend-share", answer)], [], ScenarioCatalog.Empty, []),
            Options.Create(new CheckOptions()), new CheckMetrics(TestMeters.Factory), TimeProvider.System, NullLogger<CheckRunner>.Instance);
        return (await runner.RunAsync(TestIncidents.Real, runbook.Checks[0], CancellationToken.None)).Grade;
    }

    [Fact]
    public void Declared_values_are_used_where_the_runbook_refers_to_them()
    {
        var runbook = Load();

        var check = runbook.Checks[0];
        Assert.Equal("sum(increase(cost_usd_total[1d])) / 1000", Assert.IsType<PrometheusCheck>(check.Spec).Query);
        Assert.Equal("Spend against 1000 USD", check.Title);
        Assert.Equal(["Budget 1000 USD a day."], runbook.Notes);
        Assert.Equal(new Dictionary<string, double> { ["daily_budget_usd"] = 1000, ["warn_share"] = 0.8 }, runbook.Values);
    }

    [Fact]
    public async Task A_configured_value_changes_a_checks_grade()
    {
        Assert.Equal(CheckGrade.Warn, await GradeAsync(Load(), 0.9));

        var configured = Load(RunbookValues.Of(("spend", "warn_share", "0.95"), ("spend", "daily_budget_usd", "2500")));

        Assert.Equal(CheckGrade.Ok, await GradeAsync(configured, 0.9));
        Assert.Equal("sum(increase(cost_usd_total[1d])) / 2500", Assert.IsType<PrometheusCheck>(configured.Checks[0].Spec).Query);
        // The run says which numbers it uses, since they may differ from the file's.
        Assert.Contains("Values: daily_budget_usd = 2500, warn_share = 0.95", MessageText.Of(new ChatMessage("overview", [.. RunbookOverview.Blocks(configured)])), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("spnd", "daily_budget_usd", "5", "Runbooks:Values:spnd: there is no runbook 'spnd' (runbooks: spend).")]
    [InlineData("spend", "daily_budget", "5", "Runbooks:Values:spend:daily_budget: runbook spend declares no value 'daily_budget' (it declares daily_budget_usd, warn_share).")]
    [InlineData("spend", "daily_budget_usd", "lots", "Runbooks:Values:spend:daily_budget_usd: 'lots' is not a number; write it like 2500 or 0.5.")]
    [InlineData("spend", "daily_budget_usd", "1,5", "Runbooks:Values:spend:daily_budget_usd: '1,5' is not a number; write it like 2500 or 0.5.")]
    [InlineData("spend", "daily_budget_usd", "NaN", "Runbooks:Values:spend:daily_budget_usd: 'NaN' is not a number; write it like 2500 or 0.5.")]
    public void A_bad_setting_is_one_line_that_names_it(string runbook, string name, string text, string message)
    {
        var result = RunbookLoader.LoadText(Spend, "spend.yaml", RunbookValues.Of((runbook, name, text)));

        Assert.False(result.IsValid);
        Assert.Equal(message, Assert.Single(result.Errors).ToString());
    }

    [Theory]
    [InlineData("/ ${daily_budget_usd}", "/ ${daily_budget}", 13, "'query' refers to ${daily_budget}, which this runbook does not declare under values (it declares daily_budget_usd, warn_share).")]
    [InlineData("warn_share: 0.8", "warn_share: high", 5, "value 'warn_share' must be a number, not 'high'.")]
    [InlineData("warn_share: 0.8", "Warn-Share: 0.8", 5, "value name 'Warn-Share' must be lower-case letters, digits and underscores (like daily_budget_usd).")]
    public void A_bad_declaration_or_reference_names_file_and_line(string find, string replace, int line, string message)
    {
        var result = RunbookLoader.LoadText(Spend.Replace(find, replace, StringComparison.Ordinal), "spend.yaml");

        Assert.Contains(result.Errors, e => e.Line == line && e.Message.EndsWith(message, StringComparison.Ordinal));
    }
}
