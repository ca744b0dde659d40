using System.Text.Json.Nodes;
using ChatOps.Core.Chat;
using ChatOps.Core.Incidents;

namespace ChatOps.Teams.Outbound;

/// <summary>Posts a card the Teams side built itself: a form the core's neutral message has no words for (the declare form).</summary>
internal interface ITeamsCards
{
    /// <summary>Posts <paramref name="activity"/> (a message activity with one card) where <see cref="IChatSurface.PostAsync"/> would.</summary>
    Task<PostedMessage> PostAsync(ChatPlace place, JsonObject activity, CancellationToken cancellationToken);
}
