using ChatOps.Core.Access;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;

namespace ChatOps.Core.Chat;

/// <summary>One chat platform's way of posting neutral messages (Slack: Block Kit; Teams: Adaptive Cards).</summary>
public interface IChatSurface
{
    /// <summary>The <see cref="ChatPlace.Platform"/> this surface serves, e.g. <c>slack</c>.</summary>
    string Platform { get; }

    /// <summary>Posts into the channel (a new root message) when <c>place.Thread</c> is null, else into that thread.</summary>
    Task<PostedMessage> PostAsync(ChatPlace place, ChatMessage message, CancellationToken cancellationToken);

    /// <summary>Replaces a message posted earlier.</summary>
    Task UpdateAsync(PostedMessage posted, ChatMessage message, CancellationToken cancellationToken);

    /// <summary>A message only <paramref name="person"/> sees, where they are (Slack: ephemeral).</summary>
    Task PostPrivateAsync(ChatPlace place, PersonId person, ChatMessage message, CancellationToken cancellationToken);
}

/// <summary>A message as the platform knows it: where, and its id (Slack: <c>ts</c>; Teams: activity id).</summary>
public sealed record PostedMessage(ChatPlace Place, string MessageId);
