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
