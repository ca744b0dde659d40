using ChatOps.Core.RunbookTests;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Scenarios;
using ChatOps.Host.RunbookTests;

namespace ChatOps.Host;

/// <summary>
/// <c>test &lt;runbook-folder&gt; &lt;scenario-folder&gt; [--junit &lt;file&gt;]</c>: plays every scenario's drill headless and
/// compares it with the scenario's <c>expect</c> block. Exit 0 when all hold; 1 with <c>file:line: expected …, got …</c>
/// for each difference (or the load errors); 2 for a wrong command line.
/// </summary>
internal static class TestCommand
{
    private const string Usage = "usage: test <runbook-folder> <scenario-folder> [--junit <file>]";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        var folders = args.Where((a, i) => a != "--junit" && (i == 0 || args[i - 1] != "--junit")).ToList();
        var junit = args.SkipWhile(a => a != "--junit").Skip(1).FirstOrDefault();
        if (folders.Count != 2 || (args.Contains("--junit") && junit is null))
        {
            await errors.WriteLineAsync(Usage);
            return 2;
        }

        var runbooks = RunbookLoader.LoadFolder(folders[0]);
        var scenarios = runbooks.IsValid ? ScenarioLoader.LoadFolder(folders[1], new RunbookCatalog(runbooks.Runbooks)) : null;
        var loadErrors = runbooks.Errors.Concat(scenarios?.Errors ?? []).ToList();
        foreach (var error in loadErrors) await errors.WriteLineAsync(error.ToString());
        if (loadErrors.Count > 0) return 1;

        var folder = Directory.CreateTempSubdirectory("chatops-runbook-tests-");
        var results = new List<ScenarioTestResult>();
        try
        {
            await using (var services = await HeadlessCore.StartAsync(new RunbookCatalog(runbooks.Runbooks), new ScenarioCatalog(scenarios!.Scenarios), folder.FullName, cancellationToken))
            {
                var tester = services.GetRequiredService<ScenarioTester>();
                foreach (var scenario in scenarios.Scenarios)
                {
                    var result = await tester.RunAsync(scenario, cancellationToken);
                    results.Add(result);
                    if (result.Passed) await output.WriteLineAsync($"ok   {scenario.SourceFile} ({scenario.Runbook})");
                    foreach (var failure in result.Failures) await errors.WriteLineAsync(failure.ToString());
                }
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
        if (junit is not null) JUnitReport.Write(junit, results);
        var failed = results.Count(r => !r.Passed);
        await output.WriteLineAsync($"{results.Count - failed} of {results.Count} scenarios pass");
        return failed == 0 ? 0 : 1;
    }
}
