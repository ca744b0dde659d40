using ChatOps.Core.Checks;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Runs;

namespace ChatOps.Targets.Tests;

/// <summary>Checks written as a runbook author writes them, through the real loader.</summary>
public static class TestChecks
{
    public static CheckDefinition One(string yaml)
    {
        var lines = yaml.ReplaceLineEndings("\n").Trim().Split('\n');
        var runbook = "id: test\ntitle: Test\nchecks:\n" + string.Join('\n', lines.Select((l, i) => (i == 0 ? "  - " : "    ") + l));
        var loaded = RunbookLoader.LoadText(runbook, "test.yaml");
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Errors));
        return loaded.Runbooks[0].Checks[0];
    }
}
