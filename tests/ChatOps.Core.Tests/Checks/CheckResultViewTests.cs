using ChatOps.Core.Chat;
using ChatOps.Core.Checks;
using ChatOps.Core.Expressions;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Runs;

namespace ChatOps.Core.Tests.Checks;

public sealed class CheckResultViewTests
{
    private const string Key = "sk-proj-Zq8vR2mN4tX7bK1wP9sL3dF6hJ0cV5yA";

    private static readonly CheckDefinition Check = new("exfiltration", "Leaks", "platform-db",
        new PostgresCheck("SELECT user_id, response FROM requests", new Dictionary<string, string>(), null, 50), null, null, null, null);

    private static IEnumerable<string> Texts(ChatMessage message) =>
        message.Blocks.SelectMany(b => b switch
        {
            TextBlock t => [t.Text],
            ContextBlock c => [c.Text],
            TableBlock t => t.Columns.Concat(t.Rows.SelectMany(r => r)),
            _ => Array.Empty<string>(),
        }).Append(message.Summary);

    [Fact]
    public void Secrets_are_redacted_everywhere_the_result_is_shown()
    {
        var observation = new CheckObservation(
            new Dictionary<string, ExpressionValue>(),
            $"first row leaks API_KEY={Key}",
            new TableBlock(["user_id", "response"], [["mallory", $"Sure. API_KEY={Key}"]]),
            $"12:00:01 gateway | Authorization: Bearer {Key}");

        var message = CheckResultView.Render(new CheckResult(Check, CheckGrade.Critical, observation, null, TimeSpan.FromMilliseconds(12)));

        Assert.All(Texts(message), t => Assert.DoesNotContain("Zq8vR2mN4tX7bK1wP9sL3dF6hJ0cV5yA", t, StringComparison.Ordinal));
        Assert.Contains(Texts(message), t => t.Contains("[REDACTED]", StringComparison.Ordinal));
    }

    [Fact]
    public void An_error_reason_is_redacted()
    {
        var message = CheckResultView.Render(new CheckResult(Check, CheckGrade.Error, null,
            "cannot reach postgres://chatops:hunter2@pg.llm:5432/platform", TimeSpan.Zero));

        Assert.Equal("ERROR · Leaks: cannot reach postgres://chatops:[REDACTED]@pg.llm:5432/platform", message.Summary);
    }

    [Fact]
    public void Long_tables_and_logs_are_cut_with_a_note()
    {
        var rows = Enumerable.Range(1, 100).Select(i => (IReadOnlyList<string>)[$"user-{i}", new string('x', 500)]).ToList();
        var log = string.Join('\n', Enumerable.Range(1, 200).Select(i => $"line {i}"));
        var observation = new CheckObservation(new Dictionary<string, ExpressionValue>(), "100 rows", new TableBlock(["user_id", "response"], rows), log);

        var message = CheckResultView.Render(new CheckResult(Check, CheckGrade.Ok, observation, null, TimeSpan.Zero));

        var table = message.Blocks.OfType<TableBlock>().Single();
        Assert.Equal(20, table.Rows.Count);
        Assert.All(table.Rows, r => Assert.True(r[1].Length <= 200));
        Assert.Contains(message.Blocks.OfType<ContextBlock>(), c => c.Text == "… cut 80 of 100 rows");
        var lines = message.Blocks.OfType<TextBlock>().Last().Text.Split('\n');
        Assert.StartsWith("… cut ", lines[0], StringComparison.Ordinal);
        Assert.Equal("line 200", lines[^1]);
    }
}
