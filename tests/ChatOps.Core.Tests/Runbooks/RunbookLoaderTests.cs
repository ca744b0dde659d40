using ChatOps.Core.Checks;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Runs;

namespace ChatOps.Core.Tests.Runbooks;

public sealed class RunbookLoaderTests
{
    private const string Valid = """
        id: tiny
        title: Tiny runbook
        symptoms: [Something is slow]
        checks:
          - id: gpu
            title: GPU utilisation
            kind: prometheus
            target: metrics
            query: avg(DCGM_FI_DEV_GPU_UTIL)
            warn: value > 80
            critical: value > 90
        decision:
          start: saturated
          nodes:
            saturated:
              ask: Is GPU utilization > 90%?
              answer: { check: gpu, when: value > 90 }
              yes: { recommend: [scale] }
              no: { advice: Check the load balancer. }
        mitigations:
          - id: scale
            title: Scale up inference pool
            when: Sustained load
            action: { kind: scale, deployment: vllm, replicas: "+2" }
        """;

    [Fact]
    public void A_valid_runbook_loads_with_its_tree()
    {
        var result = RunbookLoader.LoadText(Valid, "tiny.yaml");
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var runbook = Assert.Single(result.Runbooks);
        var node = runbook.Decision!.Nodes["saturated"];
        Assert.Equal("gpu", node.Answer!.Check);
        Assert.Equal(["scale"], Assert.IsType<DecisionLeaf>(node.Yes).Recommend);
        Assert.Equal(new ScaleAction("cluster", "vllm", "+2"), runbook.Mitigations[0].Action);
    }

    [Theory]
    [InlineData("yes: { recommend: [scale] }", "yes: { recommend: [scale-up] }", 18, "mitigation 'scale-up'")]
    [InlineData("answer: { check: gpu, when: value > 90 }", "answer: { check: gpus, when: value > 90 }", 17, "check 'gpus'")]
    [InlineData("start: saturated", "start: saturation", 13, "start 'saturation' is not a node")]
    [InlineData("critical: value > 90", "critical: value >> 90", 11, "not a valid expression")]
    [InlineData("answer: { check: gpu, when: value > 90 }", "answer: { check: gpu, when: valeu > 90 }", 17, "Unknown name 'valeu'")]
    [InlineData("no: { advice: Check the load balancer. }", "no: nowhere", 16, "leads to 'nowhere'")]
    [InlineData("    query: avg(DCGM_FI_DEV_GPU_UTIL)", "    querry: avg(DCGM_FI_DEV_GPU_UTIL)", 5, "'query' is required")]
    [InlineData("kind: prometheus", "kind: graphite", 7, "unknown check kind 'graphite'")]
    [InlineData("replicas: \"+2\"", "replicas: \"twice\"", 24, "replicas must be a number")]
    public void Each_error_names_file_line_and_problem(string find, string replace, int line, string message)
    {
        // Lines count from 1: 'checks:' is line 4, 'decision:' line 12, 'mitigations:' line 20.
        var result = RunbookLoader.LoadText(Valid.Replace(find, replace, StringComparison.Ordinal), "tiny.yaml");
        Assert.False(result.IsValid);
        Assert.Empty(result.Runbooks);
        Assert.True(
            result.Errors.Any(e => e.File == "tiny.yaml" && e.Line == line && e.Message.Contains(message, StringComparison.Ordinal)),
            string.Join("\n", result.Errors));
        Assert.DoesNotContain(result.Errors, e => e.Message.Contains("which this runbook does not define", StringComparison.Ordinal) && !e.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_blocks_candidates_name_a_check_of_the_runbook_which_then_keeps_that_column()
    {
        var block = "action: { kind: block, candidates: [{ check: gpu, column: user_id }] }";
        var yaml = Valid.Replace("action: { kind: scale, deployment: vllm, replicas: \"+2\" }", block, StringComparison.Ordinal);

        var runbook = Assert.Single(RunbookLoader.LoadText(yaml, "block.yaml").Runbooks);
        Assert.Equal([new CandidateColumn("gpu", "user_id")], Assert.IsType<BlockAction>(runbook.Mitigations[0].Action).Candidates);
        Assert.Equal(["user_id"], runbook.FindCheck("gpu")!.KeptColumns);

        var errors = RunbookLoader.LoadText(yaml.Replace("check: gpu,", "check: gpus,", StringComparison.Ordinal), "block.yaml").Errors;
        var error = Assert.Single(errors, e => e.Line == 24);
        Assert.Contains("candidates name check 'gpus', which this runbook does not define", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_manual_step_cannot_ask_for_emergency_approval()
    {
        var yaml = Valid.Replace("action: { kind: scale, deployment: vllm, replicas: \"+2\" }", "emergency: true\n    action: { kind: manual, steps: Restart it by hand. }", StringComparison.Ordinal);

        var error = Assert.Single(RunbookLoader.LoadText(yaml, "manual.yaml").Errors);

        Assert.Equal(24, error.Line);
        Assert.Contains("a manual step needs no approval", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_check_id_is_reported_at_the_second_use()
    {
        var yaml = Valid.Replace("decision:", "  - id: gpu\n    title: Again\n    kind: prometheus\n    target: metrics\n    query: up\ndecision:", StringComparison.Ordinal);
        var result = RunbookLoader.LoadText(yaml, "dup.yaml");
        var error = Assert.Single(result.Errors);
        Assert.Equal(12, error.Line);
        Assert.Contains("duplicate check id 'gpu' (first used on line 5)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_keys_are_reported_because_they_are_usually_typos()
    {
        var result = RunbookLoader.LoadText(Valid.Replace("symptoms:", "symptom:", StringComparison.Ordinal), "typo.yaml");
        Assert.Contains(result.Errors, e => e.Line == 3 && e.Message.Contains("unknown key 'symptom'", StringComparison.Ordinal));
    }

    [Fact]
    public void Loops_and_unreachable_nodes_are_refused()
    {
        var loop = Valid.Replace("no: { advice: Check the load balancer. }", "no: saturated", StringComparison.Ordinal);
        Assert.Contains(RunbookLoader.LoadText(loop, "loop.yaml").Errors, e => e.Message.Contains("loop", StringComparison.Ordinal));

        var orphan = Valid.Replace("mitigations:", "    orphan:\n      ask: Lonely?\n      yes: { advice: a }\n      no: { advice: b }\nmitigations:", StringComparison.Ordinal);
        Assert.Contains(RunbookLoader.LoadText(orphan, "orphan.yaml").Errors, e => e.Message.Contains("'orphan' cannot be reached", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("not: [valid", 1)]
    [InlineData("- just\n- a list", 1)]
    public void Broken_yaml_is_an_error_not_a_crash(string yaml, int line)
    {
        var error = Assert.Single(RunbookLoader.LoadText(yaml, "broken.yaml").Errors);
        Assert.Equal("broken.yaml", error.File);
        Assert.True(error.Line >= line);
    }

    [Fact]
    public void Postgres_checks_must_be_one_parameterised_select()
    {
        const string Check = """
            id: db
            title: Db
            checks:
              - id: q
                title: Q
                kind: postgres
                target: platform-db
                sql: {0}
                parameters: {1}
            """;
        Assert.Contains(RunbookLoader.LoadText(string.Format(System.Globalization.CultureInfo.InvariantCulture, Check, "DELETE FROM requests", "{}"), "a.yaml").Errors,
            e => e.Message.Contains("one SELECT", StringComparison.Ordinal));
        Assert.Contains(RunbookLoader.LoadText(string.Format(System.Globalization.CultureInfo.InvariantCulture, Check, "SELECT 1; DROP TABLE requests", "{}"), "b.yaml").Errors,
            e => e.Message.Contains("single statement", StringComparison.Ordinal));
        Assert.Contains(RunbookLoader.LoadText(string.Format(System.Globalization.CultureInfo.InvariantCulture, Check, "SELECT * FROM requests WHERE user_id = @user_id", "{ user: x }"), "c.yaml").Errors,
            e => e.Message.Contains("uses @user_id, which 'parameters' does not define", StringComparison.Ordinal));
        Assert.True(RunbookLoader.LoadText(string.Format(System.Globalization.CultureInfo.InvariantCulture, Check, "SELECT * FROM requests WHERE user_id = @user_id", "{ user_id: x }"), "d.yaml").IsValid);
    }

    [Fact]
    public void Duplicate_runbook_ids_across_files_are_refused()
    {
        var folder = Directory.CreateTempSubdirectory("runbooks-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "a.yaml"), Valid);
            File.WriteAllText(Path.Combine(folder.FullName, "b.yaml"), Valid);
            var result = RunbookLoader.LoadFolder(folder.FullName);
            var error = Assert.Single(result.Errors);
            Assert.Equal("b.yaml", error.File);
            Assert.Contains("already used by a.yaml", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
