using ChatOps.Core.Checks;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Runs;

namespace ChatOps.Host;

/// <summary><c>validate &lt;folder&gt;</c>: checks a runbook folder without starting the host.</summary>
internal static class ValidateCommand
{
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter errors)
    {
        if (args.Count != 1)
        {
            errors.WriteLine("usage: validate <runbook-folder>");
            return 2;
        }
        var result = RunbookLoader.LoadFolder(args[0]);
        foreach (var error in result.Errors) errors.WriteLine(error);
        if (!result.IsValid) return 1;
        output.WriteLine($"{result.Runbooks.Count} runbooks valid: {string.Join(", ", result.Runbooks.Select(r => r.Id))}");
        return 0;
    }
}
