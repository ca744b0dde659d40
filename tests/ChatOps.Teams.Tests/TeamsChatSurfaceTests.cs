using System.Diagnostics.Metrics;
using ChatOps.Core.Chat;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;
using ChatOps.Teams.Outbound;
using ChatOps.Teams.People;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;

namespace ChatOps.Teams.Tests;

/// <summary>The surface, the connector client and the bot's token against a fake Entra ID and Bot Connector, through the real HTTP pipeline.</summary>
public sealed class TeamsChatSurfaceTests : IAsyncLifetime
{
    private const string Channel = "19:incidents@thread.tacv2";
    private FakeBotFramework _fake = null!;
    private ServiceProvider _services = null!;

    private readonly ChatPlace _channel = new(TeamsPlatform.Name, Channel,
        Address: $$"""{"serviceUrl":"https://smba.trafficmanager.net/emea/","conversationId":"{{Channel}}","tenantId":"{{FakeBotFramework.Tenant}}"}""");

    private IChatSurface Surface => _services.GetRequiredService<IChatSurface>();

    public async Task InitializeAsync()
    {
        _fake = await FakeBotFramework.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = FakeBotFramework.AppId,
            ["MicrosoftAppPassword"] = FakeBotFramework.Secret,
            ["MicrosoftAppTenantId"] = FakeBotFramework.Tenant,
            ["MicrosoftAppType"] = "SingleTenant",
            ["Teams:PostInterval"] = "00:00:00",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddTeams(configuration);
        services.AddHttpClient(BotTokenProvider.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new Redirect(_fake.Url));
        services.AddHttpClient(TeamsConnectorClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new Redirect(_fake.Url));
        _services = services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task A_channel_post_starts_a_reply_chain_and_a_thread_post_replies_in_it()
    {
        var root = await Surface.PostAsync(_channel, ChatMessage.Plain("root"), CancellationToken.None);
        var reply = await Surface.PostAsync(_channel with { Thread = root.MessageId }, ChatMessage.Plain("reply"), CancellationToken.None);
        var calls = _fake.Calls.ToList();
        Assert.Equal("POST", calls[0].Method);
        Assert.Equal("/emea/v3/conversations", calls[0].Target);
        Assert.True((bool?)calls[0].Body!["isGroup"]);
        Assert.Equal(Channel, (string?)calls[0].Body!["channelData"]!["channel"]!["id"]);
        Assert.Equal(FakeBotFramework.Tenant, (string?)calls[0].Body!["channelData"]!["tenant"]!["id"]);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)calls[0].Body!["activity"]!["attachments"]![0]!["contentType"]);
        Assert.Equal($"/emea/v3/conversations/19%3Aincidents%40thread.tacv2%3Bmessageid%3D{root.MessageId}/activities/{root.MessageId}", calls[1].Target);
        Assert.Equal(root.MessageId, (string?)calls[1].Body!["replyToId"]);
        Assert.NotEqual(root.MessageId, reply.MessageId);
        Assert.Matches("^[0-9]+$", root.MessageId);
    }

    [Fact]
    public async Task An_update_puts_the_new_card_on_the_message()
    {
        var root = await Surface.PostAsync(_channel, ChatMessage.Plain("v1"), CancellationToken.None);
        await Surface.UpdateAsync(root, ChatMessage.Plain("v2"), CancellationToken.None);
        var put = Assert.Single(_fake.Calls, c => c.Method == "PUT");
        Assert.Equal($"/emea/v3/conversations/19%3Aincidents%40thread.tacv2%3Bmessageid%3D{root.MessageId}/activities/{root.MessageId}", put.Target);
        Assert.Equal(root.MessageId, (string?)put.Body!["id"]);
        Assert.Equal("v2", (string?)put.Body!["attachments"]![0]!["content"]!["body"]![0]!["text"]);
    }

    [Fact]
    public async Task The_token_is_fetched_once_for_many_calls()
    {
        for (var i = 0; i < 5; i++) await Surface.PostAsync(_channel, ChatMessage.Plain($"post {i}"), CancellationToken.None);
        Assert.Equal(1, _fake.TokensIssued);
        Assert.Empty(_fake.OtherRequests);
    }

    [Fact]
    public async Task A_429_is_waited_out_and_the_post_still_lands()
    {
        using var counted = new MetricCollector<long>(_services.GetRequiredService<IMeterFactory>(), "ChatOps", "chatops.chat.calls");
        _fake.FailNext(429, retryAfterSeconds: 1);
        var root = await Surface.PostAsync(_channel, ChatMessage.Plain("after the limit"), CancellationToken.None);
        Assert.Equal([429, 200], _fake.Calls.Select(c => c.Status));
        Assert.False(string.IsNullOrEmpty(root.MessageId));
        // Each attempt is counted under its operation, the one the retry waited out included, and the token's call apart.
        Assert.Equal([("token", "200"), ("create-conversation", "429"), ("create-conversation", "200")],
            counted.GetMeasurementSnapshot().Where(m => (string?)m.Tags["platform"] == "teams")
                .Select(m => ((string?)m.Tags["method"], (string?)m.Tags["status"])).Where(c => c.Item1 != "token" || c.Item2 == "200"));
    }

    [Theory]
    [InlineData(412)]
    [InlineData(502)]
    [InlineData(504)]
    public async Task A_transient_failure_is_retried(int status)
    {
        _fake.FailNext(status);
        await Surface.PostAsync(_channel, ChatMessage.Plain("after a failure"), CancellationToken.None);
        Assert.Equal([status, 200], _fake.Calls.Select(c => c.Status));
    }

    [Fact]
    public async Task A_401_after_a_fresh_token_becomes_a_clear_error()
    {
        _fake.FailNext(401);
        _fake.FailNext(401);
        var error = await Assert.ThrowsAsync<TeamsConnectorException>(() => Surface.PostAsync(_channel, ChatMessage.Plain("x"), CancellationToken.None));
        Assert.Equal(401, error.Status);
        Assert.Contains("MicrosoftAppPassword", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeBotFramework.Secret, error.Message, StringComparison.Ordinal);
        Assert.Equal(2, _fake.TokensIssued);
    }

    [Fact]
    public async Task Posts_keep_their_order_in_a_thread_while_one_waits_out_a_429()
    {
        var root = await Surface.PostAsync(_channel, ChatMessage.Plain("root"), CancellationToken.None);
        var thread = _channel with { Thread = root.MessageId };
        _fake.FailNext(429, retryAfterSeconds: 1);
        var posts = Enumerable.Range(1, 6).Select(i => Surface.PostAsync(thread, ChatMessage.Plain($"reply {i}"), CancellationToken.None)).ToList();
        await Task.WhenAll(posts);
        var landed = _fake.Calls.Where(c => c.Status == 200 && c.Body?["replyToId"] is not null)
            .Select(c => (string?)c.Body!["attachments"]![0]!["content"]!["body"]![0]!["text"]);
        Assert.Equal(Enumerable.Range(1, 6).Select(i => $"reply {i}"), landed);
    }

    [Fact]
    public async Task A_private_answer_is_posted_in_the_thread_mentioning_the_person()
    {
        var person = new Core.Access.PersonId(TeamsPlatform.Name, "aad-alice-0001");
        await Surface.PostPrivateAsync(_channel with { Thread = "1773480360001" }, person, ChatMessage.Plain("only you"), CancellationToken.None);
        var call = Assert.Single(_fake.Calls);
        var card = call.Body!["attachments"]![0]!["content"]!;
        Assert.Equal("For <at>someone</at>:", (string?)card["body"]![0]!["text"]);
        Assert.Equal("aad-alice-0001", (string?)card["msteams"]!["entities"]![0]!["mentioned"]!["id"]);
    }

    [Fact]
    public async Task A_place_without_an_https_service_url_is_refused_before_any_token_leaves()
    {
        var place = _channel with { Address = """{"serviceUrl":"http://evil.example/","conversationId":"19:x@thread.tacv2"}""" };
        await Assert.ThrowsAsync<TeamsConnectorException>(() => Surface.PostAsync(place, ChatMessage.Plain("x"), CancellationToken.None));
        Assert.Empty(_fake.Calls);
        Assert.Equal(0, _fake.TokensIssued);
    }

    [Fact]
    public async Task A_person_named_by_id_alone_is_mentioned_by_the_name_teams_gave_and_a_stranger_as_someone()
    {
        await _services.GetRequiredService<TeamsPersonNames>().LearnAsync("aad-carol", "Carol Example", CancellationToken.None);
        var message = ChatMessage.Plain($"Approved by {Mention.Of(new Core.Access.PersonId("teams", "aad-carol"))} and {Mention.Of(new Core.Access.PersonId("teams", "aad-zed"))}");

        await Surface.PostAsync(_channel, message, CancellationToken.None);

        var card = _fake.Calls.Single().Body!["activity"]!["attachments"]![0]!["content"]!;
        Assert.Equal("Approved by <at>Carol Example</at> and <at>someone</at>", (string?)card["body"]![0]!["text"]);
        Assert.Equal(["aad-carol", "aad-zed"], card["msteams"]!["entities"]!.AsArray().Select(e => (string?)e!["mentioned"]!["id"]));
        Assert.Equal("Approved by @Carol Example and @someone", (string?)_fake.Calls.Single().Body!["activity"]!["summary"]);
    }
}
