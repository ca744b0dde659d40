using System.Net;
using ChatOps.TestKit;

namespace ChatOps.Host.Tests;

public sealed class StartupTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("chatops-host-");
    private readonly HttpClient _client = new();

    [Fact]
    public async Task The_embedded_default_starts_and_reports_live_and_ready()
    {
        await using var host = HostProcess.Start(new Dictionary<string, string>
        {
            ["Storage__Sqlite__Path"] = Path.Combine(_folder.FullName, "chatops.db"),
        });
        Assert.True(await host.WaitUntilLiveAsync(_client), host.Output);
        using var ready = await _client.GetAsync(new Uri(host.Address, "/readyz"));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.True(File.Exists(Path.Combine(_folder.FullName, "chatops.db")));
        // Structured logs: one JSON object per line.
        Assert.Contains("{\"Timestamp\":", host.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_runbook_stops_the_host_with_file_and_line()
    {
        var runbooks = _folder.CreateSubdirectory("runbooks");
        await File.WriteAllTextAsync(Path.Combine(runbooks.FullName, "broken.yaml"), "id: broken\ntitle: Broken\nchecks:\n  - id: c\n    title: C\n    kind: prometheus\n    target: metrics\n    query: up\n    warn: value >> 1\n");
        await using var host = HostProcess.Start(new Dictionary<string, string>
        {
            ["Runbooks__Folder"] = runbooks.FullName,
            ["Storage__Sqlite__Path"] = Path.Combine(_folder.FullName, "chatops.db"),
        });
        Assert.Equal(1, await host.WaitForExitAsync());
        Assert.Contains("broken.yaml:9:", host.Output, StringComparison.Ordinal);
        Assert.Contains("not a valid expression", host.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Runbooks__Values__cost-spike__daily_budget", "5", "Runbooks:Values:cost-spike:daily_budget: runbook cost-spike declares no value 'daily_budget' (it declares daily_budget_usd).")]
    [InlineData("Runbooks__Values__cost-spike__daily_budget_usd", "lots", "Runbooks:Values:cost-spike:daily_budget_usd: 'lots' is not a number; write it like 2500 or 0.5.")]
    [InlineData("Runbooks__Values__cost-spikes__daily_budget_usd", "5", "Runbooks:Values:cost-spikes: there is no runbook 'cost-spikes'")]
    public async Task A_bad_runbook_value_stops_the_host_with_one_line_naming_it(string variable, string value, string line)
    {
        await using var host = HostProcess.Start(new Dictionary<string, string>
        {
            [variable] = value,
            ["Storage__Sqlite__Path"] = Path.Combine(_folder.FullName, "chatops.db"),
        });
        Assert.Equal(1, await host.WaitForExitAsync());
        Assert.Contains("ChatOps cannot start: " + line, host.Output, StringComparison.Ordinal);
        Assert.Single(host.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.Contains("Runbooks:Values", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Several_wrong_settings_stop_the_host_with_each_named_on_its_own_line()
    {
        await using var host = HostProcess.Start(new Dictionary<string, string>
        {
            ["Incidents__TimeZone"] = "Mars/Olympus_Mons",
            ["Incidents__Managers__0"] = "U0NOPLATFORM",
            ["Slack__ApiUrl"] = "not a url",
            ["Storage__Sqlite__Path"] = Path.Combine(_folder.FullName, "chatops.db"),
        });
        Assert.Equal(1, await host.WaitForExitAsync());
        var lines = host.Output.Split('\n').Where(l => l.StartsWith("ChatOps cannot start: ", StringComparison.Ordinal)).ToList();
        Assert.Contains(lines, l => l.Contains("Incidents:TimeZone", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Incidents:Managers", StringComparison.Ordinal) && l.Contains("slack:U0123ABCD", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Slack:ApiUrl", StringComparison.Ordinal));
        Assert.DoesNotContain("Unhandled exception", host.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_alert_settings_stop_the_host_with_each_named_on_its_own_line()
    {
        await using var host = HostProcess.Start(new Dictionary<string, string>
        {
            ["Alerts__WebhookToken"] = "short",
            ["Alerts__Channel"] = "teams:19:alerts@thread.tacv2",
            ["Alerts__Routes__0__Matchers__0"] = "severity",
            ["Alerts__Routes__0__Runbook"] = "no-such-runbook",
            ["Storage__Sqlite__Path"] = Path.Combine(_folder.FullName, "chatops.db"),
        });
        Assert.Equal(1, await host.WaitForExitAsync());
        var lines = host.Output.Split('\n').Where(l => l.StartsWith("ChatOps cannot start: ", StringComparison.Ordinal)).ToList();
        Assert.Contains(lines, l => l.Contains("Alerts:WebhookToken must be at least 16 characters", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Alerts:Channel must name a platform this deployment serves", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Alerts:TeamsServiceUrl must be the https service URL", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Alerts:Routes:0:Matchers:0: 'severity' is not a matcher", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Alerts:Routes:0:Runbook: there is no runbook 'no-such-runbook'", StringComparison.Ordinal));
        Assert.DoesNotContain("Unhandled exception", host.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_webhook_token_without_an_alerts_channel_stops_the_host()
    {
        await using var host = HostProcess.Start(new Dictionary<string, string>
        {
            ["Alerts__WebhookToken"] = "0123456789abcdef0123456789abcdef",
            ["Storage__Sqlite__Path"] = Path.Combine(_folder.FullName, "chatops.db"),
        });
        Assert.Equal(1, await host.WaitForExitAsync());
        Assert.Contains("ChatOps cannot start: Alerts:Channel must be set beside Alerts:WebhookToken", host.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_time_zone_stops_the_host_with_its_setting_named()
    {
        await using var host = HostProcess.Start(new Dictionary<string, string>
        {
            ["Incidents__TimeZone"] = "Mars/Olympus_Mons",
            ["Storage__Sqlite__Path"] = Path.Combine(_folder.FullName, "chatops.db"),
        });
        Assert.Equal(1, await host.WaitForExitAsync());
        Assert.Contains("ChatOps cannot start: ", host.Output, StringComparison.Ordinal);
        Assert.Contains("Incidents:TimeZone", host.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", host.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_path_that_cannot_be_created_stops_the_host_with_its_setting_named()
    {
        var blocker = Path.Combine(_folder.FullName, "not-a-folder");
        await File.WriteAllTextAsync(blocker, "a file where the database folder should be");
        await using var host = HostProcess.Start(new Dictionary<string, string>
        {
            ["Storage__Sqlite__Path"] = Path.Combine(blocker, "chatops.db"),
        });
        Assert.Equal(1, await host.WaitForExitAsync());
        Assert.Contains("Storage:Sqlite:Path", host.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SLACK_BOT_TOKEN", "xoxb-1234-real-workspace")]
    [InlineData("Slack__BotToken", "xoxb-1234-real-workspace")]
    [InlineData("SLACK_APP_TOKEN", "xapp-1-A0REAL-1-token")]
    public async Task The_local_workspace_beside_a_real_slack_token_stops_the_host_with_the_settings_named(string key, string token)
    {
        await using var host = HostProcess.Start(new Dictionary<string, string>
        {
            ["LocalWorkspace__Enabled"] = "true",
            [key] = token,
            ["Storage__Sqlite__Path"] = Path.Combine(_folder.FullName, "chatops.db"),
        });
        Assert.Equal(1, await host.WaitForExitAsync());
        var line = Assert.Single(host.Output.Split('\n'), l => l.StartsWith("ChatOps cannot start: ", StringComparison.Ordinal));
        foreach (var named in new[] { "LocalWorkspace:Enabled", "SLACK_BOT_TOKEN", "SLACK_APP_TOKEN" })
            Assert.Contains(named, line, StringComparison.Ordinal);
        Assert.DoesNotContain(token, host.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", host.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_production_the_local_workspace_is_off_unless_configured()
    {
        await using var host = HostProcess.Start(new Dictionary<string, string>
        {
            ["Storage__Sqlite__Path"] = Path.Combine(_folder.FullName, "chatops.db"),
        });
        Assert.True(await host.WaitUntilLiveAsync(_client), host.Output);
        foreach (var path in new[] { "/", "/local/ui/state", "/local/app.js" })
            Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync(new Uri(host.Address, path))).StatusCode);
    }

    [Fact]
    public async Task In_development_the_local_workspace_is_on_even_started_from_a_folder_without_the_hosts_appsettings()
    {
        // As `dotnet run --project src/ChatOps.Host` from the repository root: the content root holds no appsettings*.json.
        var root = _folder.CreateSubdirectory("checkout");
        await using var host = HostProcess.Start(address => new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["LocalWorkspace__Origins__0"] = address.GetLeftPart(UriPartial.Authority),
            ["Storage__Sqlite__Path"] = Path.Combine(_folder.FullName, "chatops.db"),
        }, root.FullName);
        Assert.True(await host.WaitUntilLiveAsync(_client), host.Output);
        using var page = await _client.GetAsync(new Uri(host.Address, "/"));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Local workspace", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Serving the local workspace", host.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_exits_0_for_the_shipped_runbooks()
    {
        await using var host = HostProcess.Start(new Dictionary<string, string>(), "validate", RepoPaths.Runbooks);
        Assert.Equal(0, await host.WaitForExitAsync());
        Assert.Contains("5 runbooks valid", host.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_exits_1_with_one_line_per_error()
    {
        var runbooks = _folder.CreateSubdirectory("bad");
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Runbooks, "*.yaml")) File.Copy(file, Path.Combine(runbooks.FullName, Path.GetFileName(file)));
        var latency = Path.Combine(runbooks.FullName, "high-latency.yaml");
        var text = await File.ReadAllTextAsync(latency);
        await File.WriteAllTextAsync(latency, text.Replace("recommend: [", "recommend: [no-such-mitigation, ", StringComparison.Ordinal));

        await using var host = HostProcess.Start(new Dictionary<string, string>(), "validate", runbooks.FullName);
        Assert.Equal(1, await host.WaitForExitAsync());
        var lines = host.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith("high-latency.yaml:", StringComparison.Ordinal) && l.Contains("'no-such-mitigation'", StringComparison.Ordinal));
        Assert.All(lines.Where(l => l.Contains(".yaml:", StringComparison.Ordinal)), l => Assert.Matches(@"^[\w-]+\.yaml:\d+: ", l));
    }

    public void Dispose()
    {
        _client.Dispose();
        _folder.Delete(recursive: true);
    }
}
