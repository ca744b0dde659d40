using System.Net;
using ChatOps.Core.Incidents;
using ChatOps.TestKit.Teams;

namespace ChatOps.Host.Tests;

/// <summary>One host with Slack and Teams configured: each incident lives, and is answered, on the platform it was declared on.</summary>
public sealed class TwoPlatformsTests : IAsyncLifetime, IDisposable
{
    private const string SlackAlice = "U0ALICE001";
    private static readonly TeamsPerson TeamsAlice = new("29:1alice", "b7a8c3d2-1e0f-4a5b-8c7d-6e5f4a3b2c1d", "Alice Example");

    private readonly string _slackChannel = Waits.NewChannel();
    private FakeBotFramework _botFramework = null!;
    private TwoPlatformsFactory _host = null!;
    private HttpClient _client = null!;
    private TeamsChannel _teams = null!;

    public async Task InitializeAsync()
    {
        _botFramework = await FakeBotFramework.StartAsync();
        _host = new TwoPlatformsFactory(_botFramework);
        _client = _host.CreateClient();
        _teams = new TeamsChannel(_client, _host.Token, _botFramework);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
        await _botFramework.DisposeAsync();
    }

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Each_incident_is_served_on_the_platform_it_was_declared_on()
    {
        Assert.Equal(HttpStatusCode.OK, (await _client.CommandAsync(SlackAlice, _slackChannel, "declare sev3 Slack side outage")).StatusCode);
        using (var declared = await _teams.SayAsync(TeamsAlice, "incident declare sev3 Teams side outage")) Assert.Equal(HttpStatusCode.OK, declared.StatusCode);

        var slackRoot = await _host.Workspace.RootAsync(_slackChannel, "Slack side outage");
        var teamsRoot = (await _teams.RootAsync("Teams side outage")).ActivityId!;
        await _client.MentionAsync("Ev0TWOPLAT1", SlackAlice, _slackChannel, slackRoot.Ts, "note noted in slack");
        using (var noted = await _teams.SayAsync(TeamsAlice, "incident note noted in teams", teamsRoot)) Assert.Equal(HttpStatusCode.OK, noted.StatusCode);
        await _host.Workspace.ReplyAsync(slackRoot.Ts, "noted in slack");
        await _teams.ReplyAsync(teamsRoot, "noted in teams");

        Assert.DoesNotContain(_host.Workspace.Messages, m => m.Content().Contains("Teams side", StringComparison.Ordinal) || m.Content().Contains("noted in teams", StringComparison.Ordinal));
        Assert.DoesNotContain(_botFramework.Calls, c => TeamsChannel.Card(c).Contains("Slack side", StringComparison.Ordinal) || TeamsChannel.Card(c).Contains("noted in slack", StringComparison.Ordinal));
        var slack = Assert.Single(await _host.Store.ListOpenAsync(new ChatPlace("slack", _slackChannel), CancellationToken.None));
        var teams = Assert.Single(await _host.Store.ListOpenAsync(new ChatPlace("teams", _teams.Id), CancellationToken.None));
        Assert.Equal(("slack", "U0ALICE001"), (slack.DeclaredBy.Platform, slack.DeclaredBy.User));
        Assert.Equal(("teams", TeamsAlice.AadObjectId), (teams.DeclaredBy.Platform, teams.DeclaredBy.User));
        Assert.Contains(await _host.Store.TimelineAsync(teams.Id, CancellationToken.None), e => e.Text.Contains("noted in teams", StringComparison.Ordinal));
        Assert.DoesNotContain(await _host.Store.TimelineAsync(slack.Id, CancellationToken.None), e => e.Text.Contains("noted in teams", StringComparison.Ordinal));
        _teams.AssertEveryCardKeepsTheRules();
    }
}
