using ChatOps.Core.Checks;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Runs;
using ChatOps.Targets.Tests.Fixtures;
using ChatOps.TestKit;
using ChatOps.TestKit.Servers;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Targets.Tests.Checks;

[Collection(PlatformCollection.Name)]
public sealed class PostgresCheckTests(PlatformFixture platform)
{
    private async Task<CheckResult> RunAsync(string yaml, string target = "platform-db")
    {
        await using var services = platform.Services();
        var check = TestChecks.One($"id: p\ntitle: Postgres\nkind: postgres\ntarget: {target}\n{yaml}");
        return await services.GetRequiredService<CheckRunner>().RunAsync(TestIncidents.Real, check, CancellationToken.None);
    }

    [Fact]
    public async Task Rows_become_a_table_and_count()
    {
        var result = await RunAsync("sql: SELECT user_id, sum(cost_usd) AS cost_usd FROM requests WHERE date = current_date GROUP BY user_id ORDER BY 2 DESC");

        var table = result.Observation!.Table!;
        Assert.Equal(["user_id", "cost_usd"], table.Columns);
        Assert.Equal([["alice", "700"], ["mallory", "350"], ["eve", "150"], ["bob", "100"]], table.Rows);
        Assert.Equal(4, result.Values["count"].Number);
        Assert.Equal("4 rows", result.Observation.Summary);
    }

    [Fact]
    public async Task Value_column_of_the_first_row_is_the_value()
    {
        var result = await RunAsync("""
            sql: SELECT sum(cost_usd) / CAST(@budget AS numeric) AS budget_share FROM requests WHERE date = current_date
            parameters:
              budget: "1000"
            value-column: budget_share
            critical: value > 1.2
            """);

        Assert.Equal(CheckGrade.Critical, result.Grade);
        Assert.Equal(1.3, result.Values["value"].Number);
        Assert.Equal("budget_share = 1.3 · 1 row", result.Observation!.Summary);
    }

    [Fact]
    public async Task Parameters_are_bound_never_pasted_into_the_sql()
    {
        var result = await RunAsync("""
            sql: SELECT count(*) AS n FROM requests WHERE user_id = @user
            parameters:
              user: "x' OR '1'='1"
            value-column: n
            """);

        Assert.Equal(0, result.Values["value"].Number);
    }

    [Fact]
    public async Task At_most_max_rows_are_read_and_the_summary_says_more_exist()
    {
        var result = await RunAsync("sql: SELECT generate_series(1, 100000) AS n\nmax-rows: 3");

        Assert.Equal(3, result.Observation!.Table!.Rows.Count);
        Assert.Equal(3, result.Values["count"].Number);
        Assert.Equal("first 3 rows (max-rows); the query has more", result.Observation.Summary);
    }

    [Fact]
    public async Task No_rows_is_an_observation()
    {
        var result = await RunAsync("sql: SELECT user_id FROM requests WHERE risk_score > 5\ncritical: count > 0");

        Assert.Equal(CheckGrade.Ok, result.Grade);
        Assert.Equal("no rows", result.Observation!.Summary);
        Assert.Null(result.Observation.Table);
    }

    [Fact]
    public async Task No_rows_under_a_threshold_on_the_value_is_no_data()
    {
        var result = await RunAsync("sql: SELECT risk_score FROM requests WHERE risk_score > 5\nvalue-column: risk_score\nwarn: value > 1");

        Assert.True(result.IsNoData);
        Assert.Equal(CheckGrade.Error, result.Grade);
        Assert.Equal("no data: the query returned no rows", result.Error);
    }

    [Fact]
    public async Task A_null_value_under_a_threshold_is_no_data_naming_the_column()
    {
        var result = await RunAsync("sql: SELECT NULL::numeric AS ratio\nvalue-column: ratio\nwarn: value > 1");

        Assert.True(result.IsNoData);
        Assert.Equal("no data: ratio is null in the first row", result.Error);
    }

    [Fact]
    public async Task The_transaction_is_read_only_even_for_a_role_that_may_write()
    {
        // A data-modifying CTE passes the loader's SELECT/WITH guard; the read-only transaction still refuses it.
        var result = await RunAsync("sql: WITH gone AS (DELETE FROM requests RETURNING id) SELECT count(*) AS n FROM gone", target: "platform-db-owner");

        Assert.Equal(CheckGrade.Error, result.Grade);
        Assert.StartsWith("Postgres 25006: cannot execute ", result.Error, StringComparison.Ordinal);
        Assert.EndsWith(" in a read-only transaction", result.Error, StringComparison.Ordinal);
        var still = await RunAsync("sql: SELECT count(*) AS n FROM requests\nvalue-column: n", target: "platform-db-owner");
        Assert.Equal(9, still.Values["value"].Number);
    }

    [Fact]
    public async Task The_read_only_role_cannot_read_what_it_was_not_granted()
    {
        var result = await RunAsync("sql: SELECT rolpassword FROM pg_authid");

        Assert.Equal(CheckGrade.Error, result.Grade);
        Assert.Equal("Postgres 42501: permission denied for table pg_authid", result.Error);
    }

    [Fact]
    public async Task The_statement_timeout_stops_a_slow_query_on_the_server()
    {
        await using var services = platform.Services();
        var executor = services.GetServices<ICheckExecutor>().Single(e => e.Kind == "postgres");
        var check = TestChecks.One("id: p\ntitle: Slow\nkind: postgres\ntarget: platform-db\nsql: SELECT pg_sleep(30) AS slept\ntimeout: 500ms");

        // Called without the runner's deadline, so only the server-side statement_timeout can end it.
        var failure = await Assert.ThrowsAsync<CheckFailedException>(() => executor.ExecuteAsync(check, CancellationToken.None));

        Assert.Equal("Postgres 57014: canceling statement due to statement timeout", failure.Message);
    }

    [Fact]
    public async Task A_missing_value_column_is_named()
    {
        var result = await RunAsync("sql: SELECT 1 AS one\nvalue-column: two");

        Assert.Equal("the query has no column 'two' (value-column); it has one", result.Error);
    }

    [Fact]
    public async Task A_text_value_column_is_refused()
    {
        var result = await RunAsync("sql: SELECT 'abc' AS word\nvalue-column: word");

        Assert.Equal("value-column 'word' is text, not a number", result.Error);
    }

    [Fact]
    public async Task A_refused_connection_is_an_error_of_one_line()
    {
        var result = await RunAsync("sql: SELECT 1 AS one", target: "dead-db");

        Assert.Equal(CheckGrade.Error, result.Grade);
        Assert.StartsWith("cannot reach Postgres target 'dead-db': ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cells_are_one_line_each_and_dates_read_as_dates()
    {
        var result = await RunAsync("sql: SELECT current_date AS day, E'two\\nlines' AS text, NULL::text AS nothing, to_char(current_date, 'YYYY-MM-DD') AS iso");

        var row = result.Observation!.Table!.Rows[0];
        Assert.Equal(row[3], row[0]);
        Assert.Equal("two lines", row[1]);
        Assert.Equal("null", row[2]);
    }
}
