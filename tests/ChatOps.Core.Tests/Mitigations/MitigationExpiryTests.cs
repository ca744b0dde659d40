using ChatOps.Core.Commands;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;
using ChatOps.Core.Mitigations;
using ChatOps.TestKit;
using static ChatOps.TestKit.RecordingChatSurface;

namespace ChatOps.Core.Tests.Mitigations;

/// <summary>A request past its time stops offering Approve and Deny, whether the sweep or a click finds it first.</summary>
public sealed class MitigationExpiryTests
{
    private const string Alice = "U-ALICE";
    private const string Approver = "U-APPROVER";

    private sealed record Setup(Conversation Chat, FakeMitigationExecutor Scale, Incident Incident) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Chat.DisposeAsync();

        public MitigationRequest Request => Chat.Requests.FindAsync(1, default).Result!;

        /// <summary>The request's card as chat shows it now: the first post, or its latest update.</summary>
        public ChatMessage Card => Chat.Chat.Posts.Last(p => p.MessageId == Request.MessageId && p.Kind != PostKind.Private).Message;

        public async Task<int> ExpiredOnTimelineAsync() => (await Chat.Store.TimelineAsync(Incident.Id, default)).Count(e => e.Kind == TimelineKind.MitigationExpired);
    }

    private static async Task<Setup> StartAsync()
    {
        var scale = new FakeMitigationExecutor("scale", "4");
        var chat = new Conversation(approvers: [Approver], configure: services => services.Add(new(typeof(IMitigationExecutor), scale)));
        var incident = await chat.DeclareAsync(Alice, "sev3 latency");
        await chat.SayAsync(Alice, "mitigate high-latency/scale-inference");
        return new Setup(chat, scale, incident);
    }

    [Fact]
    public async Task The_sweep_leaves_the_card_saying_expired_without_buttons()
    {
        await using var s = await StartAsync();
        Assert.NotEmpty(MessageText.Buttons(s.Card));
        s.Chat.Time.Advance(TimeSpan.FromMinutes(15));

        Assert.Equal(1, await s.Chat.Get<MitigationExpiry>().SweepAsync(default));

        Assert.Empty(MessageText.Buttons(s.Card));
        var text = MessageText.Of(s.Card);
        Assert.Contains("Status: expired", text, StringComparison.Ordinal);
        Assert.Contains("Expired 2026-11-28 09:15 UTC without a decision", text, StringComparison.Ordinal);
        Assert.Equal(1, await s.ExpiredOnTimelineAsync());
    }

    [Fact]
    public async Task An_approvers_click_on_an_expired_request_closes_its_card_and_puts_the_expiry_on_the_timeline_once()
    {
        await using var s = await StartAsync();
        var approve = MessageText.Buttons(s.Card).Single(b => b.Label == "Approve");
        s.Chat.Time.Advance(TimeSpan.FromMinutes(16));

        var error = (await s.Chat.ClickAsync(Approver, approve)).Error!;

        Assert.Equal(CommandErrorCode.InvalidTransition, error.Code);
        Assert.Contains("expired", error.Message, StringComparison.Ordinal);
        Assert.Equal(RequestStatus.Expired, s.Request.Status);
        Assert.Empty(MessageText.Buttons(s.Card));
        Assert.Contains("Status: expired", MessageText.Of(s.Card), StringComparison.Ordinal);
        Assert.Equal(1, await s.ExpiredOnTimelineAsync());
        Assert.Equal(0, await s.Chat.Get<MitigationExpiry>().SweepAsync(default));
        Assert.Equal(1, await s.ExpiredOnTimelineAsync());
        Assert.Equal(0, s.Scale.Changes);
    }

    [Fact]
    public async Task Anyones_click_on_an_expired_request_closes_it_for_expiry_is_a_matter_of_time()
    {
        await using var s = await StartAsync();
        var deny = MessageText.Buttons(s.Card).Single(b => b.Label == "Deny");
        s.Chat.Time.Advance(TimeSpan.FromMinutes(16));

        var error = (await s.Chat.SayAsync("U-STRANGER", deny.Value + " too late")).Error!;

        Assert.Contains("expired", error.Message, StringComparison.Ordinal);
        Assert.Equal(RequestStatus.Expired, s.Request.Status);
        Assert.Empty(MessageText.Buttons(s.Card));
        Assert.Equal(1, await s.ExpiredOnTimelineAsync());
        Assert.Contains(await s.Chat.Requests.AuditAsync(s.Incident.Id, default),
            a => a.Actor == Conversation.Person("U-STRANGER") && a.Action == "deny" && a.Outcome == "refused: expired");
    }
}
