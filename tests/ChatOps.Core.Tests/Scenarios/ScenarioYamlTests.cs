using ChatOps.Core.Checks;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Scenarios;
using ChatOps.TestKit;

namespace ChatOps.Core.Tests.Scenarios;

/// <summary>A scenario written out reads back as the same scenario.</summary>
public sealed class ScenarioYamlTests
{
    private static readonly RunbookCatalog Runbooks = new(RunbookLoader.LoadFolder(RepoPaths.Runbooks).Runbooks);

    public static TheoryData<string> Shipped() =>
        [.. Directory.EnumerateFiles(RepoPaths.Scenarios, "*.yaml").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    private static Scenario Load(string file) =>
        Assert.Single(ScenarioLoader.LoadText(File.ReadAllText(Path.Combine(RepoPaths.Scenarios, file)), file, Runbooks).Scenarios);

    [Theory]
    [MemberData(nameof(Shipped))]
    public void Each_shipped_scenario_written_out_reads_back_the_same(string file)
    {
        var original = Load(file);

        var written = ScenarioYaml.Write(original, ["written by a test"]);
        var loaded = ScenarioLoader.LoadText(written, file, Runbooks);

        Assert.True(loaded.IsValid, string.Join("\n", loaded.Errors) + "\n" + written);
        var read = loaded.Scenarios[0];
        Assert.StartsWith("# written by a test\n", written, StringComparison.Ordinal);
        Assert.Equal(written, ScenarioYaml.Write(read, ["written by a test"]));
        Assert.Equal(original.Answers.Keys, read.Answers.Keys);
        foreach (var (check, answer) in original.Answers)
        {
            Assert.Equal(answer.Delay, read.Answers[check].Delay);
            Assert.Equal(Describe(answer.Reply), Describe(read.Answers[check].Reply));
        }
        Assert.Equal(original.Questions, read.Questions);
        Assert.Equal(Describe(original.Expect), Describe(read.Expect));
        Assert.Equal(original.State.Flags, read.State.Flags);
        Assert.Equal(Describe(original.State), Describe(read.State));
    }

    [Fact]
    public void Texts_that_look_like_numbers_or_null_stay_texts()
    {
        var original = Load("spend-spike-one-user.yaml");
        var answers = original.Answers.ToDictionary(a => a.Key, a => a.Value);
        IReadOnlyList<IReadOnlyList<ReplyCell>> rows =
        [
            [ReplyCell.Of("0042"), ReplyCell.Of(3), ReplyCell.Null],
            [ReplyCell.Of("null"), ReplyCell.Of(1.5), ReplyCell.Of("true")],
        ];
        answers["top-users"] = new ScenarioAnswer(
            new PostgresReply(["user_id", "requests", "cost_usd"], rows), TimeSpan.FromMilliseconds(1500));

        var written = ScenarioYaml.Write(original with { Answers = answers }, []);
        var read = ScenarioLoader.LoadText(written, "s.yaml", Runbooks).Scenarios.Single();

        Assert.Equal(rows, ((PostgresReply)read.Answers["top-users"].Reply).Rows);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), read.Answers["top-users"].Delay);
    }

    private static string Describe(TargetReply reply) => reply switch
    {
        RedisInfoReply info => string.Join(",", info.Fields.Select(f => $"{f.Key}={f.Value}")),
        PostgresReply rows => string.Join(",", rows.Columns) + "|" + string.Join(";", rows.Rows.Select(r => string.Join(",", r))),
        PodLogsReply logs => string.Join(";", logs.Pods.Select(p => p.Key + "=" + string.Join("|", p.Value))),
        _ => reply.ToString(),
    };

    private static string Describe(ScenarioExpectation expect) => string.Join("\n",
        string.Join(",", expect.Grades.Select(g => $"{g.Check}={g.Grade}")),
        string.Join(",", expect.Path),
        string.Join(",", expect.Recommend),
        string.Join(",", expect.Mitigations.Select(m => $"{m.Mitigation}/{m.Subject}: {m.After} / {m.Reverted}")));

    private static string Describe(ScenarioState state) =>
        string.Join(";", state.Deployments.Select(d =>
            $"{d.Key}={d.Value.Replicas}/{d.Value.MaxReplicas}/{string.Join(",", d.Value.Revisions)}"))
        + "|" + string.Join(",", state.Blocked);
}
