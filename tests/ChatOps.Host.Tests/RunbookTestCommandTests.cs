using System.Xml.Linq;
using ChatOps.TestKit;

namespace ChatOps.Host.Tests;

/// <summary>
/// <c>test runbooks/ scenarios/</c>: the shipped scenarios pass against the shipped runbooks; a runbook copy with a broken
/// threshold, or a scenario with a dangling answer, fails with the file and line of what broke.
/// </summary>
public sealed class RunbookTestCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("runbook-tests-");

    private static async Task<(int Exit, string Output, string Errors)> TestAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exit = await TestCommand.RunAsync(args, output, errors, CancellationToken.None);
        return (exit, output.ToString(), errors.ToString());
    }

    /// <summary>A copy of a shipped folder, with one text of one file replaced.</summary>
    private string Copy(string from, string file, string find, string replace)
    {
        var copy = _folder.CreateSubdirectory(Path.GetFileName(from));
        foreach (var source in Directory.EnumerateFiles(from, "*.yaml")) File.Copy(source, Path.Combine(copy.FullName, Path.GetFileName(source)));
        var path = Path.Combine(copy.FullName, file);
        var text = File.ReadAllText(path);
        Assert.Contains(find, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(find, replace, StringComparison.Ordinal));
        return copy.FullName;
    }

    private static int LineOf(string file, string text) =>
        File.ReadAllLines(Path.Combine(RepoPaths.Scenarios, file)).ToList().FindIndex(l => l.Contains(text, StringComparison.Ordinal)) + 1;

    [Fact]
    public async Task The_shipped_scenarios_pass_against_the_shipped_runbooks_and_the_report_says_so()
    {
        var report = Path.Combine(_folder.FullName, "report.xml");

        var (exit, output, errors) = await TestAsync(RepoPaths.Runbooks, RepoPaths.Scenarios, "--junit", report);

        Assert.True(exit == 0, errors);
        Assert.Contains("5 of 5 scenarios pass", output, StringComparison.Ordinal);
        Assert.Contains("ok   gpu-saturation.yaml (high-latency)", output, StringComparison.Ordinal);
        var suite = XDocument.Load(report).Root!.Element("testsuite")!;
        Assert.Equal(("5", "0"), (suite.Attribute("tests")!.Value, suite.Attribute("failures")!.Value));
        Assert.Contains(suite.Elements("testcase"), c => c.Attribute("name")!.Value == "gateway-5xx-spike" && c.Attribute("classname")!.Value == "high-error-rate");
    }

    [Fact]
    public async Task A_broken_threshold_in_a_runbook_copy_fails_with_the_scenario_line_it_breaks()
    {
        var runbooks = Copy(RepoPaths.Runbooks, "high-latency.yaml", "critical: value > 90    # the seed", "critical: value > 95    # the seed");
        var report = Path.Combine(_folder.FullName, "report.xml");

        var (exit, output, errors) = await TestAsync(runbooks, RepoPaths.Scenarios, "--junit", report);

        Assert.Equal(1, exit);
        var line = LineOf("gpu-saturation.yaml", "    gpu-utilization: critical");
        Assert.Equal([$"gpu-saturation.yaml:{line}: expected gpu-utilization critical, got warn (94.25)"], errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("4 of 5 scenarios pass", output, StringComparison.Ordinal);
        var failed = XDocument.Load(report).Descendants("failure").Single();
        Assert.Equal("gpu-saturation", failed.Parent!.Attribute("name")!.Value);
    }

    [Fact]
    public async Task A_tree_that_takes_another_branch_fails_on_the_path_and_the_recommendation()
    {
        var runbooks = Copy(RepoPaths.Runbooks, "high-error-rate.yaml", "when: value > 0.5 }   # Ours", "when: value > 0.01 }   # Ours");

        var (exit, _, errors) = await TestAsync(runbooks, RepoPaths.Scenarios);

        Assert.Equal(1, exit);
        Assert.Contains($"gateway-5xx-spike.yaml:{LineOf("gateway-5xx-spike.yaml", "  path:")}: expected path model-healthy: yes → mostly-429: no → recent-deploy: yes, "
            + "got model-healthy: yes → mostly-429: yes (then asks 'single-client', which the scenario's questions do not answer)", errors, StringComparison.Ordinal);
        Assert.Contains($"gateway-5xx-spike.yaml:{LineOf("gateway-5xx-spike.yaml", "  recommend:")}: expected recommend [rollback-gateway], got no recommendation", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dangling_answer_fails_with_its_file_and_line_before_anything_runs()
    {
        var scenarios = Copy(RepoPaths.Scenarios, "gpu-saturation.yaml", "  requests-running:", "  requests-in-flight:");

        var (exit, output, errors) = await TestAsync(RepoPaths.Runbooks, scenarios);

        Assert.Equal(1, exit);
        Assert.Contains($"gpu-saturation.yaml:{LineOf("gpu-saturation.yaml", "  requests-running:")}: answers: runbook high-latency has no check 'requests-in-flight'", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("scenarios pass", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_command_line_says_how_to_write_it()
    {
        Assert.Equal(2, (await TestAsync(RepoPaths.Runbooks)).Exit);
        Assert.Contains("usage: test <runbook-folder> <scenario-folder> [--junit <file>]", (await TestAsync(RepoPaths.Runbooks, RepoPaths.Scenarios, "--junit")).Errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_checks_scenarios_against_the_runbooks_too()
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();

        Assert.Equal(0, ValidateCommand.Run([RepoPaths.Runbooks, RepoPaths.Scenarios], output, errors));
        Assert.Contains("5 scenarios valid", output.ToString(), StringComparison.Ordinal);

        var broken = Copy(RepoPaths.Scenarios, "gateway-5xx-spike.yaml", "  recent-deploy: yes", "  model-healthy: yes");
        Assert.Equal(1, ValidateCommand.Run([RepoPaths.Runbooks, broken], output, errors));
        Assert.Contains("the bot answers 'model-healthy' from check model-health", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_host_runs_the_tests_from_its_command_line()
    {
        await using var host = HostProcess.Start(new Dictionary<string, string>(), "test", RepoPaths.Runbooks, RepoPaths.Scenarios);
        Assert.Equal(0, await host.WaitForExitAsync());
        Assert.Contains("5 of 5 scenarios pass", host.Output, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
