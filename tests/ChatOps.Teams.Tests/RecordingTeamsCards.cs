using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ChatOps.Core.Chat;
using ChatOps.Core.Incidents;
using ChatOps.Teams.Outbound;

namespace ChatOps.Teams.Tests;

/// <summary>Keeps the cards the Teams side posts itself; it can be made to fail as the connector would.</summary>
internal sealed class RecordingTeamsCards : ITeamsCards
{
    public ConcurrentQueue<(ChatPlace Place, JsonObject Activity)> Posts { get; } = new();

    public bool Failing { get; set; }

    public Task<PostedMessage> PostAsync(ChatPlace place, JsonObject activity, CancellationToken cancellationToken)
    {
        if (Failing) return Task.FromException<PostedMessage>(new ChatSurfaceException("post refused (scripted)"));
        Posts.Enqueue((place, activity));
        return Task.FromResult(new PostedMessage(place, $"c{Posts.Count}"));
    }
}
