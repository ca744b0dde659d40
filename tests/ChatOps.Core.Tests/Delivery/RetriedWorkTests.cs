using System.Text.Json;
using ChatOps.Core.Access;
using ChatOps.Core.Chat;
using ChatOps.Core.Inbound;
using ChatOps.Core.Incidents;
using ChatOps.Core.Mitigations;
using ChatOps.Core.Work;
using ChatOps.TestKit;

namespace ChatOps.Core.Tests.Delivery;

/// <summary>
/// A work item runs again from the start after a crash or a failed attempt: what the first attempt stored or posted is
/// not done twice, and what it did not get to is done.
/// </summary>
public sealed class RetriedWorkTests
{
    private const string Manager = "U-MANAGER";

    private static WorkItem Item(Conversation chat, string user, string text, string? thread) =>
        new(InboundJob.Kind, JsonSerializer.Serialize(
            new InboundEnvelope(new Actor(Conversation.Person(user)), chat.Channel with { Thread = thread }, text, $"test:{Guid.NewGuid():N}"),
            InboundJson.Default.InboundEnvelope));

    private static async Task RunAsync(Conversation chat, WorkItem item)
    {
        using (WorkScope.Enter(item)) await chat.Get<IEnumerable<IWorkHandler>>().Single(h => h.Kind == InboundJob.Kind).RunAsync(item, CancellationToken.None);
    }

    [Fact]
    public async Task A_note_whose_post_failed_is_stored_once_and_posted_on_the_retry()
    {
        await using var chat = new Conversation();
        var incident = await chat.DeclareAsync(Manager, "sev3 retried note");
        var item = Item(chat, "U-BOB", "note the cache was cold", incident.Place.Thread);

        chat.Chat.FailPostsContaining("the cache was cold");
        await Assert.ThrowsAsync<ChatSurfaceException>(() => RunAsync(chat, item));
        chat.Chat.FailPostsContaining("\u0001 nothing matches this");
        await RunAsync(chat, item);
        await RunAsync(chat, item); // and once more, as after a crash before the item was marked done

        var notes = (await chat.Store.TimelineAsync(incident.Id, default)).Where(e => e.Kind == TimelineKind.Note).ToList();
        Assert.Single(notes, e => e.Text == "the cache was cold");
        Assert.Single(chat.Chat.Posts, p => MessageText.Of(p.Message).Contains("the cache was cold", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_change_made_by_the_first_attempt_is_not_refused_nor_repeated_by_the_retry()
    {
        await using var chat = new Conversation(managers: [Manager]);
        var incident = await chat.DeclareAsync(Manager, "sev3 retried severity");
        var item = Item(chat, Manager, "sev 1 customers cannot log in", incident.Place.Thread);
        var postsBefore = chat.Chat.Posts.Count;

        await RunAsync(chat, item);
        var postsOfFirst = chat.Chat.Posts.Count - postsBefore;
        await RunAsync(chat, item);

        Assert.Equal(Severity.Sev1, (await chat.Store.FindAsync(incident.Id, default))!.Severity);
        Assert.Single(await chat.Store.TimelineAsync(incident.Id, default), e => e.Kind == TimelineKind.SeverityChanged);
        Assert.Equal(postsOfFirst, chat.Chat.Posts.Count - postsBefore);
        Assert.DoesNotContain(chat.Chat.Posts, p => MessageText.Of(p.Message).Contains("already", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_declaration_and_a_mitigation_request_retried_are_one_incident_and_one_request()
    {
        await using var chat = new Conversation(configure: services => services.Add(new(typeof(IMitigationExecutor), new FakeMitigationExecutor("scale", "4"))));
        var declare = Item(chat, Manager, "declare sev3 retried declaration", null);
        await RunAsync(chat, declare);
        await RunAsync(chat, declare);
        var incident = Assert.Single(await chat.Store.ListOpenAsync(null, default));
        Assert.Single(chat.Chat.Posts, p => p.Place.Thread is null);

        var mitigate = Item(chat, "U-BOB", "mitigate high-latency/scale-inference", incident.Place.Thread);
        await RunAsync(chat, mitigate);
        await RunAsync(chat, mitigate);

        Assert.Single(await chat.Requests.ListAsync(incident.Id, default));
        Assert.Single(await chat.Store.TimelineAsync(incident.Id, default), e => e.Kind == TimelineKind.MitigationRequested);
    }

    [Fact]
    public async Task An_approval_retried_after_it_ran_executes_once_and_is_not_refused_its_own_approval()
    {
        var scale = new FakeMitigationExecutor("scale", "4");
        await using var chat = new Conversation(approvers: ["U-APPROVER"], configure: services => services.Add(new(typeof(IMitigationExecutor), scale)));
        var incident = await chat.DeclareAsync(Manager, "sev3 retried approval");
        await RunAsync(chat, Item(chat, "U-BOB", "mitigate high-latency/scale-inference", incident.Place.Thread));
        var approve = Item(chat, "U-APPROVER", "approve MIT-1", incident.Place.Thread);
        var postsBefore = chat.Chat.Posts.Count;

        await RunAsync(chat, approve);
        var postsOfFirst = chat.Chat.Posts.Count - postsBefore;
        await RunAsync(chat, approve);

        Assert.Equal(1, scale.Changes);
        Assert.Equal(RequestStatus.Executed, (await chat.Requests.FindAsync(1, default))!.Status);
        Assert.Single(await chat.Requests.AuditAsync(incident.Id, default), a => a.Action == "approve");
        Assert.Equal(postsOfFirst, chat.Chat.Posts.Count - postsBefore);
        Assert.DoesNotContain(chat.Chat.Posts, p => p.Kind == RecordingChatSurface.PostKind.Private);
    }

    [Fact]
    public async Task A_resolve_typed_in_the_channel_and_retried_acts_on_the_incident_it_was_accepted_for()
    {
        await using var chat = new Conversation(managers: [Manager]);
        var incident = await chat.DeclareAsync(Manager, "sev3 retried resolve");
        var accepted = await chat.Get<InboundPipeline>().AcceptAsync(
            new InboundEnvelope(new Actor(Conversation.Person(Manager)), chat.Channel, "resolve the disk was replaced", "test:command:resolve")
            {
                AnswerInAcknowledgement = true,
            }, default);
        Assert.Equal(InboundOutcome.Queued, accepted.Outcome);
        var item = (await chat.Get<IWorkQueue>().TakeAsync("test", TimeSpan.FromMinutes(1), default))!.Item;

        await RunAsync(chat, item);
        await RunAsync(chat, item);

        Assert.Equal(IncidentStatus.Resolved, (await chat.Store.FindAsync(incident.Id, default))!.Status);
        Assert.DoesNotContain(chat.Chat.Posts, p => MessageText.Of(p.Message).Contains("no open incident", StringComparison.Ordinal));
        Assert.Single(await chat.Store.TimelineAsync(incident.Id, default), e => e.Kind == TimelineKind.Resolved);
    }
}
