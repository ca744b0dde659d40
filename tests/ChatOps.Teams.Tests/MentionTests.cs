using System.Net;
using ChatOps.Core.Access;
using ChatOps.Teams.Inbound;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Teams.Tests;

/// <summary>
/// Mentions that carry only a Teams user id (<c>29:…</c>), as Teams' mention entities usually do: the Connector says
/// whose AAD object id it is, once per person; a mention it cannot resolve is refused, privately, and changes nothing.
/// </summary>
public sealed class MentionTests : IAsyncLifetime
{
    private const string BobTeamsId = "29:1bQ7rT2vXbWz8mN3pL6sH4jF0dG7cY5eAa";
    private TeamsTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await TeamsTestHost.StartAsync();
        _host.BotFramework.AddMember(BobTeamsId, Activities.Bob, "Bob", "Example");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_mention_without_an_object_id_is_resolved_through_the_connector_once()
    {
        using var first = await _host.PostAsync(Lead(BobTeamsId, "1759944781431"), _host.Identity.Token());
        using var second = await _host.PostAsync(Lead(BobTeamsId, "1759944781432"), _host.Identity.Token());

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        Assert.All(_host.Queue.Envelopes, e => Assert.Equal($"incident lead <@teams:{Activities.Bob}|Bob Example>", e.Text));
        Assert.Equal(2, _host.Queue.Envelopes.Count);
        var lookup = Assert.Single(_host.BotFramework.Calls);
        Assert.Equal(("GET", 200), (lookup.Method, lookup.Status));
        Assert.Equal($"/amer/v3/conversations/{Uri.EscapeDataString(Activities.Channel)}/members/{Uri.EscapeDataString(BobTeamsId)}", lookup.Target);
    }

    [Fact]
    public async Task A_mention_the_connector_does_not_know_is_refused_privately_and_nothing_is_stored()
    {
        using var response = await _host.PostAsync(Lead("29:1nobody", "1759944781433", "Nobody Known"), _host.Identity.Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_host.Queue.Items);
        var told = Assert.Single(_host.Surface.Posts);
        Assert.Equal((TestKit.RecordingChatSurface.PostKind.Private, Activities.Alice), (told.Kind, told.User));
        Assert.Equal(TeamsActivities.NotResolved(["Nobody Known"]), told.Message.Summary);
        Assert.Equal(("GET", 404), (Assert.Single(_host.BotFramework.Calls).Method, _host.BotFramework.Calls.Single().Status));
    }

    [Fact]
    public async Task Names_are_learned_from_the_sender_and_from_the_connector()
    {
        using (await _host.PostAsync(Lead(BobTeamsId, "1759944781434"), _host.Identity.Token())) { }
        var names = _host.Services.GetServices<IPersonNames>().Single(n => n.Platform == TeamsPlatform.Name);

        Assert.Equal("Alice Example", await names.NameAsync(Activities.Alice, CancellationToken.None));
        Assert.Equal("Bob Example", await names.NameAsync(Activities.Bob, CancellationToken.None));
        Assert.Null(await names.NameAsync("6f0c1d2e-0000-4000-8000-000000000000", CancellationToken.None));
    }

    private static string Lead(string memberId, string id, string name = "Bob Example") => Activities.ChannelMessage(
        text: $"<at>ChatOps</at> incident lead <at>{name}</at>",
        id: id,
        mentions: $$""", { "mentioned": { "id": "{{memberId}}", "name": "{{name}}" }, "text": "<at>{{name}}</at>", "type": "mention" }""");
}
