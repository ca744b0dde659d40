using ChatOps.Core.Runbooks;
using ChatOps.Core.Scenarios;

namespace ChatOps.Host;

/// <summary><c>validate &lt;runbook-folder&gt; [scenario-folder]</c>: checks runbooks, and scenarios against them, without starting the host.</summary>
internal static class ValidateCommand
{
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter errors)
    {
        if (args.Count is < 1 or > 2)
        {
            errors.WriteLine("usage: validate <runbook-folder> [scenario-folder]");
            return 2;
        }
        var result = RunbookLoader.LoadFolder(args[0]);
        foreach (var error in result.Errors) errors.WriteLine(error);
        if (!result.IsValid) return 1;
        output.WriteLine($"{result.Runbooks.Count} runbooks valid: {string.Join(", ", result.Runbooks.Select(r => r.Id))}");
        if (args.Count == 1) return 0;

        var scenarios = ScenarioLoader.LoadFolder(args[1], new RunbookCatalog(result.Runbooks));
        foreach (var error in scenarios.Errors) errors.WriteLine(error);
        if (!scenarios.IsValid) return 1;
        output.WriteLine($"{scenarios.Scenarios.Count} scenarios valid: {string.Join(", ", scenarios.Scenarios.Select(s => s.Id))}");
        return 0;
    }
}
