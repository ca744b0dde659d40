namespace ChatOps.Host.Tests;

/// <summary>
/// Each class of wrong setting stops the host before it serves, with exit code 1 and one line that names the setting;
/// none ends in a stack trace. The settings are environment variables, as a deployment sets them.
/// </summary>
public sealed class WrongSettingTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("chatops-settings-");

    [Theory]
    [InlineData("Work__Lease=soon", "'soon' at 'Work:Lease'")]
    [InlineData("Work__Concurrency=many", "'many' at 'Work:Concurrency'")]
    [InlineData("Incidents__DefaultSeverity=Sev9", "'Sev9' at 'Incidents:DefaultSeverity'")]
    [InlineData("LocalWorkspace__Enabled=maybe", "'maybe' at 'LocalWorkspace:Enabled'")]
    public Task A_value_of_the_wrong_type_is_named(string setting, string line) => AssertRefusedAsync(line, setting);

    [Theory]
    [InlineData("Work__Lease=-00:00:05", "Work:Lease must be between 00:00:01 and 01:00:00.")]
    [InlineData("Work__ShutdownGrace=01:00:00", "Work:ShutdownGrace must be between 00:00:00 and 00:10:00.")]
    [InlineData("Checks__DefaultTimeout=-00:00:01", "Checks:DefaultTimeout must be positive and at most 00:05:00")]
    [InlineData("Checks__DefaultTimeout=00:30:00", "Checks:DefaultTimeout must be positive and at most 00:05:00")]
    [InlineData("Approvals__Expiry=-00:01:00", "Approvals:Expiry must be positive.")]
    [InlineData("Slack__PostBurst=0", "Slack:PostBurst must be between 1 and 100.")]
    public Task A_duration_or_number_out_of_range_is_named(string setting, string line) => AssertRefusedAsync(line, setting);

    [Fact]
    public Task Settings_that_contradict_each_other_are_named() =>
        AssertRefusedAsync("Work:MaxBackoff must not be shorter than Work:Backoff", "Work__Backoff=00:00:10", "Work__MaxBackoff=00:00:05");

    [Theory]
    [InlineData("Slack__ApiUrl=slack.com/api", "Slack:ApiUrl (SLACK_API_URL) must be an absolute http(s) URL")]
    [InlineData("Targets__metrics__Kind=prometheus;Targets__metrics__Url=prometheus:9090", "Targets:metrics: Url must be an absolute http or https URL.")]
    [InlineData("Targets__cluster__Kind=kubernetes;Targets__cluster__Namespace=llm;Targets__cluster__Server=ftp://api", "Targets:cluster: Server must be")]
    public Task A_malformed_url_is_named(string settings, string line) => AssertRefusedAsync(line, settings.Split(';'));

    [Theory]
    [InlineData("Storage__Kind=postgres", "Storage:Kind: not a setting.")]
    [InlineData("Storage__Postgres__ConnectionString=Host=db", "Storage:Postgres:ConnectionString: not a setting.")]
    [InlineData("Targets__metrics__Kind=graphite;Targets__metrics__Url=http://graphite", "Targets:metrics: Kind 'graphite' is unknown")]
    public Task An_unknown_kind_is_named(string settings, string line) => AssertRefusedAsync(line, settings.Split(';'));

    [Fact]
    public Task A_runbook_folder_that_does_not_exist_is_named() =>
        AssertRefusedAsync("Runbooks:Folder: the folder /nonexistent/runbooks does not exist.", "Runbooks__Folder=/nonexistent/runbooks");

    [Fact]
    public Task An_empty_runbook_folder_is_named()
    {
        var empty = _folder.CreateSubdirectory("empty-mount");
        return AssertRefusedAsync($"Runbooks:Folder: the folder {empty.FullName} holds no runbooks", $"Runbooks__Folder={empty.FullName}");
    }

    [Fact]
    public Task A_template_that_does_not_exist_is_named() =>
        AssertRefusedAsync("(Postmortem:TemplatePath)", "Postmortem__TemplatePath=/nonexistent/postmortem.md.sbn");

    private async Task AssertRefusedAsync(string line, params string[] settings)
    {
        var environment = settings.Select(s => s.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        environment["Storage__Sqlite__Path"] = Path.Combine(_folder.FullName, "chatops.db");
        await using var host = HostProcess.Start(environment);

        Assert.Equal(1, await host.WaitForExitAsync());
        var refusal = Assert.Single(host.Output.Split('\n'), l => l.StartsWith("ChatOps cannot start: ", StringComparison.Ordinal));
        Assert.Contains(line, refusal, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", host.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", host.Output, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
