using ChatOps.Core.Commands;
using ChatOps.Core.Mitigations;
using ChatOps.TestKit;

namespace ChatOps.Core.Tests.Mitigations;

/// <summary>Approval rights come from configuration or from a manager's or approver's appointment, never from a chain of ordinary users.</summary>
public sealed class ApprovalRightsTests
{
    private const string Alice = "U-ALICE";
    private const string Bob = "U-BOB";
    private const string Carol = "U-CAROL";
    private const string Manager = "U-MANAGER";
    private const string Approver = "U-APPROVER";

    private sealed record Setup(Conversation Chat, FakeMitigationExecutor Scale, FakeMitigationExecutor Flags) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Chat.DisposeAsync();

        public RequestStatus Status(long id) => Chat.Requests.FindAsync(id, default).Result!.Status;
    }

    private static async Task<Setup> StartAsync()
    {
        var scale = new FakeMitigationExecutor("scale", "4");
        var flags = new FakeMitigationExecutor("set-flag", "unset");
        var chat = new Conversation(managers: [Manager], approvers: [Approver], configure: services =>
        {
            services.Add(new(typeof(IMitigationExecutor), scale));
            services.Add(new(typeof(IMitigationExecutor), flags));
        });
        await chat.DeclareAsync(Carol, "sev3 latency");
        return new Setup(chat, scale, flags);
    }

    [Fact]
    public async Task Ordinary_users_who_appoint_each_other_approve_nothing()
    {
        await using var s = await StartAsync();
        await s.Chat.SayAsync(Carol, "mitigate high-latency/scale-inference");
        Assert.Null((await s.Chat.SayAsync(Alice, "lead <@U-BOB>")).Error);
        Assert.Null((await s.Chat.SayAsync(Bob, "lead <@U-ALICE>")).Error);

        Assert.Equal(CommandErrorCode.NotAllowed, (await s.Chat.SayAsync(Alice, "approve MIT-1")).Error!.Code);
        Assert.Equal(CommandErrorCode.NotAllowed, (await s.Chat.SayAsync(Bob, "approve MIT-1")).Error!.Code);
        Assert.Equal(CommandErrorCode.NotAllowed, (await s.Chat.SayAsync(Alice, "deny MIT-1 not needed")).Error!.Code);
        Assert.Equal(RequestStatus.Pending, s.Status(1));
        Assert.Equal(0, s.Scale.Changes);
    }

    [Fact]
    public async Task A_manager_appointed_commander_approves_but_cannot_hand_the_right_on()
    {
        await using var s = await StartAsync();
        await s.Chat.SayAsync(Manager, "lead <@U-ALICE>");
        await s.Chat.SayAsync(Carol, "mitigate high-latency/scale-inference");
        Assert.Null((await s.Chat.SayAsync(Alice, "approve MIT-1")).Error);
        Assert.Equal(RequestStatus.Executed, s.Status(1));

        // Alice commands now, but her appointment of Bob comes from a commander, not from a manager or an approver.
        Assert.Null((await s.Chat.SayAsync(Alice, "lead <@U-BOB>")).Error);
        await s.Chat.SayAsync(Carol, "mitigate high-latency/enable-overflow");
        Assert.Equal(CommandErrorCode.NotAllowed, (await s.Chat.SayAsync(Bob, "approve MIT-2")).Error!.Code);
        Assert.Equal(RequestStatus.Pending, s.Status(2));
    }

    [Fact]
    public async Task An_approver_appointed_commander_approves()
    {
        await using var s = await StartAsync();
        await s.Chat.SayAsync(Approver, "lead <@U-BOB>");
        await s.Chat.SayAsync(Carol, "mitigate high-latency/scale-inference");
        Assert.Null((await s.Chat.SayAsync(Bob, "approve MIT-1")).Error);
        Assert.Equal(RequestStatus.Executed, s.Status(1));
    }

    [Fact]
    public async Task An_emergency_needs_two_approvers_in_their_own_name_and_an_appointed_commander_is_not_one()
    {
        await using var s = await StartAsync();
        await s.Chat.SayAsync(Manager, "lead <@U-BOB>");
        await s.Chat.SayAsync(Carol, "mitigate high-latency/shed-requests");
        Assert.Null((await s.Chat.SayAsync(Approver, "approve MIT-1")).Error);

        var refused = (await s.Chat.SayAsync(Bob, "approve MIT-1")).Error!;
        Assert.Equal(CommandErrorCode.NotAllowed, refused.Code);
        Assert.Contains("own name", refused.Message, StringComparison.Ordinal);
        Assert.Equal(RequestStatus.Pending, s.Status(1));
        Assert.Equal(0, s.Flags.Changes);

        Assert.Null((await s.Chat.SayAsync(Manager, "approve MIT-1")).Error);
        Assert.Equal(RequestStatus.Executed, s.Status(1));
    }

    [Fact]
    public async Task Refused_approvals_and_denials_are_audited_with_who_tried()
    {
        await using var s = await StartAsync();
        await s.Chat.SayAsync(Carol, "mitigate high-latency/scale-inference");
        await s.Chat.SayAsync("U-MALLORY", "approve MIT-1");
        await s.Chat.SayAsync("U-MALLORY", "deny MIT-1 not needed");
        await s.Chat.SayAsync(Approver, "mitigate high-latency/enable-overflow");
        await s.Chat.SayAsync(Approver, "approve MIT-2");
        await s.Chat.SayAsync(Approver, "approve MIT-1");
        await s.Chat.SayAsync(Manager, "approve MIT-1");
        var elsewhere = new CommandContext(new Core.Access.Actor(Conversation.Person(Approver)), s.Chat.Channel with { Channel = "C-OTHER" });
        Assert.Equal(CommandErrorCode.NotAllowed, (await s.Chat.Get<CommandDispatcher>().DispatchAsync("approve MIT-2", elsewhere, default)).Error!.Code);

        var refused = (await s.Chat.Requests.AuditAsync(new Core.Incidents.IncidentId(2026, 1), default))
            .Where(a => a.Outcome.StartsWith("refused: ", StringComparison.Ordinal))
            .Select(a => (a.Actor.User, a.Request, a.Action, a.Outcome));
        Assert.Equal(
        [
            ("U-MALLORY", 1L, "approve", "refused: not an approver"),
            ("U-MALLORY", 1L, "deny", "refused: not an approver"),
            (Approver, 2L, "approve", "refused: own request"),
            (Manager, 1L, "approve", "refused: already executed"),
            (Approver, 2L, "approve", "refused: another channel"),
        ], refused);
    }
}
