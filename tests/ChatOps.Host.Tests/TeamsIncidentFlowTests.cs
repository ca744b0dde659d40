using System.Net;
using System.Text.Json.Nodes;
using ChatOps.Core.Incidents;
using ChatOps.TestKit.Servers;
using ChatOps.TestKit.Teams;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Host.Tests;

/// <summary>
/// The incident flow Slack has, in one Teams reply chain, through the real host and its durable queue: declare, a
/// manager's severity, a runbook run and its decision tree, an emergency mitigation approved by two approvers of an
/// Azure AD group (read through the fake Graph) and executed against a real Redis, its revert, resolve and the
/// postmortem. Every card the bot sent is checked against the Adaptive Cards 1.5 rules.
/// </summary>
public sealed class TeamsIncidentFlowTests : IAsyncLifetime, IDisposable
{
    private const string ManagerGroup = "7b1e5d2f-3c4e-4f6a-9b0c-1d2e3f4a5b6c";
    private const string ApproverGroup = "6a0f4c1e-2b3d-4e5f-8a9b-0c1d2e3f4a5b";
    private static readonly TeamsPerson Alice = new("29:1alice", "b7a8c3d2-1e0f-4a5b-8c7d-6e5f4a3b2c1d", "Alice Manager");
    private static readonly TeamsPerson Bob = new("29:1bob", "0d9e8f7a-6b5c-4d3e-2f1a-0b9c8d7e6f5a", "Bob Responder");
    private static readonly TeamsPerson Carol = new("29:1carol", "c4a1b2c3-d4e5-4f60-8a1b-2c3d4e5f6a7b", "Carol Approver");
    private static readonly TeamsPerson Dave = new("29:1dave", "d5b2c3d4-e5f6-4a71-9b2c-3d4e5f6a7b8c", "Dave Approver");

    private readonly RedisServer _redis = new(seed: false);
    private FakeBotFramework _botFramework = null!;
    private TeamsChatOpsFactory _host = null!;
    private HttpClient _client = null!;
    private TeamsChannel _channel = null!;

    public async Task InitializeAsync()
    {
        await _redis.StartAsync();
        _botFramework = await FakeBotFramework.StartAsync();
        _botFramework.AddGroup(ManagerGroup, Alice.AadObjectId);
        _botFramework.AddGroup(ApproverGroup, "a0000000-0000-4000-8000-000000000001", Carol.AadObjectId, "a0000000-0000-4000-8000-000000000002", Dave.AadObjectId);
        _botFramework.AddMember(Dave.TeamsId, Dave.AadObjectId, "Dave", "Approver");
        _host = new TeamsChatOpsFactory(_botFramework, new Dictionary<string, string?>
        {
            ["Teams:ManagerGroups:0"] = ManagerGroup,
            ["Teams:ApproverGroups:0"] = ApproverGroup,
            ["Targets:flags:Kind"] = "redis",
            ["Targets:flags:ConnectionString"] = _redis.MitigationConnectionString,
            ["Targets:flags:Hash"] = RedisServer.FlagsHash,
        });
        _client = _host.CreateClient();
        _channel = new TeamsChannel(_client, _host.Token, _botFramework);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
        await _botFramework.DisposeAsync();
        await _redis.DisposeAsync();
    }

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Declare_severity_runbook_emergency_mitigation_revert_resolve_and_postmortem_in_one_reply_chain()
    {
        // A responder declares a SEV1: declared as asked, awaiting a manager of the Azure AD manager group.
        await SayAsync(Bob, "incident declare sev1 GPU saturation on vllm-pool");
        var root = await _channel.RootAsync("GPU saturation on vllm-pool");
        var rootId = root.ActivityId!;
        Assert.Contains("awaits a manager", TeamsChannel.Card(root), StringComparison.Ordinal);
        await _channel.ReplyAsync(rootId, "declared by");

        await SayAsync(Alice, "incident sev 1 confirmed by the manager", rootId);
        await _channel.WaitForAsync(c => c.Method == "PUT" && c.Target.EndsWith($"/activities/{rootId}", StringComparison.Ordinal)
            && !TeamsChannel.Card(c).Contains("awaits", StringComparison.Ordinal), "the root card showing the confirmed severity");

        // A mention Teams sends with only a Teams user id names Dave, whose AAD object id the Connector gives.
        await SayAsync(Alice, "incident lead @Dave Approver", rootId, Dave);
        await _channel.ReplyAsync(rootId, "Dave Approver");

        // The runbook's targets but one are not configured here: its checks report errors, and the tree asks people.
        await SayAsync(Alice, "incident run high-latency", rootId);
        var question = await _channel.ReplyAsync(rootId, "Is GPU utilization");
        var yes = TeamsChannel.Button(question, v => v.EndsWith("gpu-saturated yes", StringComparison.Ordinal));
        await ClickAsync(Bob, rootId, question.ActivityId!, yes, "Yes");
        var recommended = await _channel.ReplyAsync(rootId, "Recommended next steps");

        var shed = TeamsChannel.Button(recommended, v => v.EndsWith("high-latency/shed-requests", StringComparison.Ordinal));
        await ClickAsync(Bob, rootId, recommended.ActivityId!, shed, "Request: Enable request shedding");
        var request = await _channel.ReplyAsync(rootId, "Mitigation request MIT-");
        var name = Name(request, "Mitigation request ");
        Assert.Contains("0/2", TeamsChannel.Card(request), StringComparison.Ordinal);

        // A responder outside the approver group cannot approve; two approvers of the group can, each in their own name.
        var approve = TeamsChannel.Button(request, v => v == $"approve {name}");
        await ClickAsync(Bob, rootId, request.ActivityId!, approve, "Approve");
        await _channel.ReplyAsync(rootId, "Only approvers");
        await ClickAsync(Carol, rootId, request.ActivityId!, approve, "Approve");
        await _channel.UpdateAsync(rootId, request.ActivityId!, "1/2");
        Assert.False(await _redis.Admin.GetDatabase().HashExistsAsync(RedisServer.FlagsHash, "SHED_RATE"));
        await ClickAsync(Dave, rootId, request.ActivityId!, approve, "Approve");
        var executed = await _channel.UpdateAsync(rootId, request.ActivityId!, "executed");
        Assert.Equal("0.1", (string?)await _redis.Admin.GetDatabase().HashGetAsync(RedisServer.FlagsHash, "SHED_RATE"));

        var revert = TeamsChannel.Button(executed, v => v == $"revert {name}");
        await ClickAsync(Bob, rootId, request.ActivityId!, revert, "Revert");
        var revertRequest = await _channel.ReplyAsync(rootId, "Revert request MIT-");
        var revertName = Name(revertRequest, "Revert request ");
        var approveRevert = TeamsChannel.Button(revertRequest, v => v == $"approve {revertName}");
        await ClickAsync(Carol, rootId, revertRequest.ActivityId!, approveRevert, "Approve");
        await ClickAsync(Dave, rootId, revertRequest.ActivityId!, approveRevert, "Approve");
        await _channel.UpdateAsync(rootId, request.ActivityId!, "reverted");
        Assert.False(await _redis.Admin.GetDatabase().HashExistsAsync(RedisServer.FlagsHash, "SHED_RATE"));

        await SayAsync(Alice, "incident resolve shedding held the pool until two replicas came up", rootId);
        await _channel.UpdateAsync(rootId, rootId, "resolved");

        await SayAsync(Alice, "incident postmortem", rootId);
        var postmortem = await _channel.ReplyAsync(rootId, "Incident Report");
        Assert.Contains("-postmortem.md", TeamsChannel.Card(postmortem), StringComparison.Ordinal);
        Assert.Contains("SEV1", TeamsChannel.Card(postmortem), StringComparison.Ordinal);

        var incident = await Store.FindByThreadAsync(new ChatPlace("teams", _channel.Id, rootId), CancellationToken.None);
        Assert.NotNull(incident);
        Assert.Equal(IncidentStatus.Resolved, incident.Status);
        Assert.Equal(new Core.Access.PersonId("teams", Dave.AadObjectId), incident.Commander);
        var timeline = await Store.TimelineAsync(incident.Id, CancellationToken.None);
        Assert.Contains(timeline, e => e.Kind == TimelineKind.SeverityConfirmed && e.Actor.User == Alice.AadObjectId);
        Assert.Equal([Carol.AadObjectId, Dave.AadObjectId, Carol.AadObjectId, Dave.AadObjectId],
            timeline.Where(e => e.Kind == TimelineKind.MitigationApproved).Select(e => e.Actor.User));
        Assert.Contains(timeline, e => e.Kind == TimelineKind.MitigationExecuted && e.Text.StartsWith($"{name} Enable request shedding executed", StringComparison.Ordinal));
        Assert.Contains(timeline, e => e.Kind == TimelineKind.MitigationReverted && e.Text.StartsWith($"{name} Enable request shedding reverted by {revertName}", StringComparison.Ordinal));
        _channel.AssertEveryCardKeepsTheRules();
    }

    private IIncidentStore Store => _host.Services.GetRequiredService<IIncidentStore>();

    private async Task SayAsync(TeamsPerson from, string command, string? root = null, params TeamsPerson[] mentions)
    {
        using var response = await _channel.SayAsync(from, command, root, mentions: mentions);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>A click, answered at once with a receipt card that keeps the rules.</summary>
    private async Task ClickAsync(TeamsPerson from, string root, string clicked, JsonObject data, string title)
    {
        using var response = await _channel.ClickAsync(from, root, clicked, data, title);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(200, (int?)answer["statusCode"]);
        if ((string?)answer["type"] == AdaptiveCardRules.ContentType) Assert.Empty(AdaptiveCardRules.Check(answer["value"]));
    }

    /// <summary>The request's name (<c>MIT-n</c>) from its card's header.</summary>
    private static string Name(FakeBotFramework.Call card, string header)
    {
        var text = TeamsChannel.Card(card);
        var at = text.IndexOf(header, StringComparison.Ordinal) + header.Length;
        return text[at..text.IndexOf(':', at)];
    }
}
