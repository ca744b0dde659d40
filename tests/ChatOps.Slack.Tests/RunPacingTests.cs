using Microsoft.Extensions.DependencyInjection.Extensions;
using System.Globalization;
using ChatOps.Core.Incidents;
using ChatOps.LocalWorkspace;
using ChatOps.TestKit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace ChatOps.Slack.Tests;

/// <summary>
/// A runbook run through the Slack surface into the local workspace, paced as in production (a burst of three posts
/// per channel, then one a second), with checks that answer at known moments of a fake clock. The step runner runs
/// everything due before the clock moves on, so "posted by when" is read off the workspace's own record.
/// </summary>
public sealed class RunPacingTests(ITestOutputHelper output)
{
    private const string Alice = "U0ALICE001";
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(10);

    private readonly ScriptedCheckExecutor _prometheus = new("prometheus");
    private readonly ScriptedCheckExecutor _http = new("http");
    private readonly ScriptedCheckExecutor _logs = new("kubernetes-logs");

    private Conversation NewConversation() => new(
        executors: [_prometheus, _http, _logs],
        channel: new ChatPlace(SlackPlatform.Name, WorkspaceDirectory.ChannelId),
        configure: services =>
        {
            // No pacing override: Slack:PostInterval and Slack:PostBurst keep their production defaults.
            // The bot is the local workspace's app, its Web API in process, as the host wires it when the workspace is on.
            services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["SLACK_SIGNING_SECRET"] = "test-secret",
                    ["SLACK_BOT_TOKEN"] = WorkspaceDirectory.BotToken,
                    ["SLACK_API_URL"] = LocalWorkspaceApi.InMemoryUrl,
                }).Build());
            services.AddLocalWorkspace(_ => "test-secret");
            // The page's way back to the bot needs a listening server; this test drives the bot directly.
            services.RemoveAll<LocalActions>();
            services.RemoveAll<LocalForwarder>();
            services.RemoveAll<BotAddress>();
            services.AddSlack(LocalWorkspaceApi.CreateHandler);
        });

    [Theory]
    [InlineData(0, 800)]
    [InlineData(0, 450)]
    [InlineData(0, 1600)]
    [InlineData(30, 800)]
    public async Task The_recommendation_is_posted_within_the_slowest_check_and_a_second_and_a_half(int pauseSeconds, int slowestMs)
    {
        await using var chat = NewConversation();
        var time = chat.Time;
        var answers = new (ScriptedCheckExecutor Executor, string Check, int Ms)[]
        {
            (_prometheus, "requests-running", 150), (_prometheus, "preemptions", 200), (_prometheus, "e2e-latency-p95", 250),
            (_prometheus, "gpu-utilization", 300), (_prometheus, "gpu-utilization-max", 320), (_prometheus, "queue-depth", 350),
            (_prometheus, "kv-cache-usage", 400), (_prometheus, "ttft-p95", 450), (_http, "vllm-health", 500),
            (_logs, "vllm-errors", 600), (_logs, "gateway-upstream-errors", 800),
        };
        _prometheus.Answer("gpu-utilization", 97).Answer("gpu-utilization-max", 99).Answer("queue-depth", 30).Answer("kv-cache-usage", 0.95);
        _http.Fail("vllm-health", "connection refused");
        _logs.Fail("vllm-errors", "pods not found");
        // The same order of answers, spread over the slowest check's time.
        foreach (var (executor, check, ms) in answers) executor.Delay(check, TimeSpan.FromMilliseconds(ms * slowestMs / 800.0), time);
        var slowest = TimeSpan.FromMilliseconds(slowestMs);
        var steps = new StepRunner(time);
        var workspace = chat.Get<Workspace>();

        // With no pause the run starts right after the declaration, whose two posts (root and welcome) spent two of the
        // channel's burst of three.
        var incident = await steps.Start(() => chat.DeclareAsync(Alice, "sev3 chat latency"));
        steps.Advance(TimeSpan.FromSeconds(pauseSeconds));
        var start = time.GetUtcNow();
        var run = steps.Start(() => chat.SayAsync(Alice, "run high-latency", incident.Place.Thread));
        Assert.True(steps.AdvanceUntil(() => run.IsCompleted, Step, TimeSpan.FromSeconds(30)), "the run did not finish in 30 s of fake time");
        Assert.Null((await run).Error);

        var calls = workspace.Calls.Where(c => c.At >= start && c.Method is "chat.postMessage" or "chat.update").ToList();
        foreach (var call in calls)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(call.At - start).TotalMilliseconds,6:0} ms {call.Method} {Text(call)[..Math.Min(80, Text(call).Length)]}"));
        var recommendation = Assert.Single(calls, c => c.Method == "chat.postMessage" && c.Args.ToJsonString().Contains("Recommended next steps", StringComparison.Ordinal));
        var after = recommendation.At - start;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"slowest check {slowest.TotalMilliseconds:0} ms, recommendation posted at {after.TotalMilliseconds:0} ms, {calls.Count(c => c.Method == "chat.postMessage")} posts, {calls.Count(c => c.Method == "chat.update")} updates"));
        Assert.True(after <= slowest + TimeSpan.FromSeconds(1.5), $"the recommendation came {after.TotalMilliseconds:0} ms after run");
    }

    private static string Text(RecordedCall call) => (string?)call.Args["text"] ?? "";
}
