using System.Text.Json.Nodes;
using ChatOps.Core.Access;
using ChatOps.Core.Chat;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;
using ChatOps.Teams.Cards;

namespace ChatOps.Teams.Outbound;

/// <summary>
/// The core's chat port on Teams: each message one Adaptive Card; a channel post starts a reply chain, a thread post
/// replies in it, and an update replaces the card in place (PUT).
/// </summary>
internal sealed class TeamsChatSurface(
    TeamsConnectorClient client, ConversationPacer pacer, SentCards cards, IEnumerable<IPersonNames> names) : IChatSurface, ITeamsCards
{
    private readonly IPersonNames? _names = names.FirstOrDefault(n => n.Platform == TeamsPlatform.Name);

    public string Platform => TeamsPlatform.Name;

    public async Task<PostedMessage> PostAsync(ChatPlace place, ChatMessage message, CancellationToken cancellationToken) =>
        await PostAsync(place, await RenderAsync(message, cancellationToken), cancellationToken);

    public async Task<PostedMessage> PostAsync(ChatPlace place, JsonObject activity, CancellationToken cancellationToken)
    {
        var address = ConnectorAddress.Of(place);
        var id = await pacer.RunAsync(place.Channel, c => (place.Thread, address.IsChannel) switch
        {
            (null, true) => client.CreatePostAsync(address, place.Channel, activity, c),
            (null, false) => client.SendAsync(address, activity, c),
            ({ } root, _) => client.ReplyAsync(address, root, activity, c),
        }, cancellationToken);
        await cards.KeepAsync(address.ConversationId, id, activity, cancellationToken);
        return new PostedMessage(place, id);
    }

    public async Task UpdateAsync(PostedMessage posted, ChatMessage message, CancellationToken cancellationToken)
    {
        var address = ConnectorAddress.Of(posted.Place);
        var activity = await RenderAsync(message, cancellationToken);
        // A root post lives in its own reply chain; a reply lives in its root's.
        await pacer.RunAsync(posted.Place.Channel, async c =>
        {
            await client.UpdateAsync(address, posted.Place.Thread ?? posted.MessageId, posted.MessageId, activity, c);
            return true;
        }, cancellationToken);
        await cards.KeepAsync(address.ConversationId, posted.MessageId, activity, cancellationToken);
    }

    /// <summary>
    /// The card, its mentions named: the core often names a person by id alone (who declared, who approved), and Teams
    /// shows a mention by the name the card gives it. A first rendering finds who needs a name.
    /// </summary>
    private async Task<JsonObject> RenderAsync(ChatMessage message, CancellationToken cancellationToken)
    {
        var unnamed = new HashSet<string>(StringComparer.Ordinal);
        var activity = AdaptiveCardRenderer.Activity(message, user =>
        {
            unnamed.Add(user);
            return null;
        });
        if (unnamed.Count == 0 || _names is null) return activity;
        var known = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var user in unnamed)
        {
            if (await _names.NameAsync(user, cancellationToken) is { } name) known[user] = name;
        }
        return known.Count == 0 ? activity : AdaptiveCardRenderer.Activity(message, known.GetValueOrDefault);
    }

    /// <summary>
    /// Teams has no message that only one person sees in a channel (Slack's ephemeral); the answer is posted where the
    /// person asked, in the thread, opening with a mention of them so that they are notified and others see whom it is for.
    /// </summary>
    public Task PostPrivateAsync(ChatPlace place, PersonId person, ChatMessage message, CancellationToken cancellationToken) =>
        PostAsync(place, message with { Blocks = [new ContextBlock($"For {Mention.Of(person)}:"), .. message.Blocks] }, cancellationToken);
}
