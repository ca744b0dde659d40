using System.Text.Json;
using ChatOps.Core.Access;
using ChatOps.Core.Chat;
using ChatOps.Core.Commands;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;
using ChatOps.Core.Work;
using ChatOps.Teams.Cards;
using ChatOps.Teams.Inbound.Wire;
using ChatOps.Teams.Outbound;

namespace ChatOps.Teams.Inbound;

/// <summary>
/// Posts the declare form (<c>declare</c> without a title) from the durable queue, like every other answer: the door
/// stores the request under the activity's delivery key, so a retried activity is one item, and the post is journaled
/// under the item, so a retried item posts the form once.
/// </summary>
internal sealed class DeclareFormJob(ITeamsCards cards, IMessageJournal journal, ChatDelivery delivery) : IWorkHandler
{
    public const string Kind = "teams.declare-form";

    string IWorkHandler.Kind => Kind;

    /// <summary>The item for a form asked for at <paramref name="place"/>, ordered with the other work of its channel.</summary>
    public static WorkItem Item(ChatPlace place, PersonId asker, Severity severity, string deliveryKey) =>
        new(Kind, JsonSerializer.Serialize(new DeclareFormRequest(place, asker.ToString(), severity), InboundJsonContext.Default.DeclareFormRequest),
            OrderingKey: $"{place.Platform}:{place.Channel}", DeliveryKey: deliveryKey);

    public async Task RunAsync(WorkItem item, CancellationToken cancellationToken)
    {
        var request = Read(item);
        var key = WorkScope.Current?.EffectKey(Kind, request.Place.Channel, request.Place.Thread ?? "");
        if (key is not null && await journal.FindAsync(key, cancellationToken) is not null) return;
        var posted = await cards.PostAsync(request.Place, DeclareCard.Activity(request.Severity), cancellationToken);
        if (key is not null) await journal.RecordAsync(key, posted.MessageId, cancellationToken);
    }

    public async Task GiveUpAsync(WorkItem item, string reason, CancellationToken cancellationToken)
    {
        var request = Read(item);
        var told = ChatMessage.Plain($"Could not post the declare form: {reason.ReplaceLineEndings(" ")} Declare with a title instead, e.g. "
            + $"'incident declare {request.Severity.Label().ToLowerInvariant()} GPU saturation on vllm-pool'.");
        var asker = new Actor(PersonId.Parse(request.Asker));
        await delivery.DeliverAsync(CommandResult.ToRequester(told).Messages, asker, request.Place, cancellationToken);
    }

    private static DeclareFormRequest Read(WorkItem item) =>
        JsonSerializer.Deserialize(item.Payload, InboundJsonContext.Default.DeclareFormRequest)
            ?? throw new InvalidOperationException($"Work item {item.Id} has no declare form request.");
}
