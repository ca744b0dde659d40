using System.Net;
using System.Net.Http.Headers;
using Microsoft.IdentityModel.Tokens;

namespace ChatOps.Teams.Tests;

/// <summary>Nothing reaches the core unless the channel's token checks out against the activity it came with.</summary>
public sealed class ChannelAuthenticationTests : IAsyncLifetime
{
    private TeamsTestHost _host = null!;

    public async Task InitializeAsync() => _host = await TeamsTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_valid_token_lets_the_activity_in()
    {
        using var response = await _host.PostAsync(Activities.ChannelMessage(), _host.Identity.Token());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_host.Queue.Envelopes);
    }

    [Fact]
    public async Task No_header_is_401() => await AssertRefused(HttpStatusCode.Unauthorized, await _host.PostAsync(Activities.ChannelMessage(), (AuthenticationHeaderValue?)null));

    [Fact]
    public async Task Another_scheme_is_401() =>
        await AssertRefused(HttpStatusCode.Unauthorized, await _host.PostAsync(Activities.ChannelMessage(), new AuthenticationHeaderValue("Basic", _host.Identity.Token())));

    [Fact]
    public async Task Garbage_is_401() => await AssertRefused(HttpStatusCode.Unauthorized, await _host.PostAsync(Activities.ChannelMessage(), "not.a.jwt"));

    [Fact]
    public async Task An_expired_token_is_401() =>
        await AssertRefused(HttpStatusCode.Unauthorized, await _host.PostAsync(Activities.ChannelMessage(),
            _host.Identity.Token(notBefore: DateTime.UtcNow.AddHours(-2), expires: DateTime.UtcNow.AddMinutes(-6))));

    [Fact]
    public async Task A_token_expired_within_the_skew_is_accepted()
    {
        using var response = await _host.PostAsync(Activities.ChannelMessage(),
            _host.Identity.Token(notBefore: DateTime.UtcNow.AddHours(-2), expires: DateTime.UtcNow.AddMinutes(-2)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_token_not_yet_valid_beyond_the_skew_is_401() =>
        await AssertRefused(HttpStatusCode.Unauthorized, await _host.PostAsync(Activities.ChannelMessage(),
            _host.Identity.Token(notBefore: DateTime.UtcNow.AddMinutes(10), expires: DateTime.UtcNow.AddHours(1))));

    [Fact]
    public async Task Another_issuer_is_401() =>
        await AssertRefused(HttpStatusCode.Unauthorized, await _host.PostAsync(Activities.ChannelMessage(), _host.Identity.Token(issuer: "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/")));

    [Fact]
    public async Task Another_audience_is_401() =>
        await AssertRefused(HttpStatusCode.Unauthorized, await _host.PostAsync(Activities.ChannelMessage(), _host.Identity.Token(audience: "11111111-2222-3333-4444-555555555555")));

    [Fact]
    public async Task A_key_the_channel_never_published_is_401() =>
        await AssertRefused(HttpStatusCode.Unauthorized, await _host.PostAsync(Activities.ChannelMessage(), _host.Identity.Token(FakeChannelIdentity.NewKey("key-1"))));

    [Fact]
    public async Task An_unknown_key_id_is_401() =>
        await AssertRefused(HttpStatusCode.Unauthorized, await _host.PostAsync(Activities.ChannelMessage(), _host.Identity.Token(FakeChannelIdentity.NewKey("key-9"))));

    [Fact]
    public async Task HS256_with_the_key_id_of_a_published_key_is_401()
    {
        var symmetric = new SymmetricSecurityKey(new byte[64]) { KeyId = "key-1" };
        await AssertRefused(HttpStatusCode.Unauthorized, await _host.PostAsync(Activities.ChannelMessage(), _host.Identity.Token(symmetric, algorithm: SecurityAlgorithms.HmacSha256)));
    }

    [Fact]
    public async Task RS384_is_401_only_RS256_is_allowed() =>
        await AssertRefused(HttpStatusCode.Unauthorized, await _host.PostAsync(Activities.ChannelMessage(), _host.Identity.Token(algorithm: SecurityAlgorithms.RsaSha384)));

    [Fact]
    public async Task An_unsigned_token_is_401() =>
        await AssertRefused(HttpStatusCode.Unauthorized, await _host.PostAsync(Activities.ChannelMessage(), FakeChannelIdentity.Unsigned()));

    [Fact]
    public async Task A_key_not_endorsed_for_the_activitys_channel_is_403()
    {
        var skype = _host.Identity.Publish("key-skype", "skype", "webchat");
        await AssertRefused(HttpStatusCode.Forbidden, await _host.PostAsync(Activities.ChannelMessage(), _host.Identity.Token(skype)));
    }

    [Fact]
    public async Task An_activity_of_another_channel_than_the_keys_endorsement_is_403() =>
        await AssertRefused(HttpStatusCode.Forbidden, await _host.PostAsync(Activities.ChannelMessage(channelId: "webchat"), _host.Identity.Token()));

    [Fact]
    public async Task A_serviceurl_claim_other_than_the_activitys_is_401() =>
        await AssertRefused(HttpStatusCode.Unauthorized, await _host.PostAsync(Activities.ChannelMessage(serviceUrl: "https://attacker.example/"), _host.Identity.Token()));

    [Fact]
    public async Task A_token_without_a_serviceurl_claim_is_401() =>
        await AssertRefused(HttpStatusCode.Unauthorized, await _host.PostAsync(Activities.ChannelMessage(), _host.Identity.Token(serviceUrl: null)));

    [Fact]
    public async Task A_key_published_later_is_accepted_after_one_refresh()
    {
        using (var first = await _host.PostAsync(Activities.ChannelMessage(id: "1"), _host.Identity.Token())) Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(1, _host.Identity.KeyFetches);

        var rotated = _host.Identity.Publish("key-2", "msteams");
        using (var second = await _host.PostAsync(Activities.ChannelMessage(id: "2"), _host.Identity.Token(rotated))) Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(2, _host.Identity.KeyFetches);

        // Made-up key ids do not make the bot read the keys again and again.
        using (var third = await _host.PostAsync(Activities.ChannelMessage(id: "3"), _host.Identity.Token(FakeChannelIdentity.NewKey("key-3")))) Assert.Equal(HttpStatusCode.Unauthorized, third.StatusCode);
        using (var fourth = await _host.PostAsync(Activities.ChannelMessage(id: "4"), _host.Identity.Token(FakeChannelIdentity.NewKey("key-4")))) Assert.Equal(HttpStatusCode.Unauthorized, fourth.StatusCode);
        Assert.Equal(2, _host.Identity.KeyFetches);
        Assert.Equal(2, _host.Queue.Envelopes.Count);
    }

    [Fact]
    public async Task Malformed_json_with_a_valid_token_is_400() =>
        await AssertRefused(HttpStatusCode.BadRequest, await _host.PostAsync("{\"type\": \"message\", ", _host.Identity.Token()));

    [Fact]
    public async Task A_body_past_the_limit_is_413() =>
        await AssertRefused(HttpStatusCode.RequestEntityTooLarge, await _host.PostAsync(Activities.ChannelMessage(text: new string('x', 600 * 1024)), _host.Identity.Token()));

    private async Task AssertRefused(HttpStatusCode expected, HttpResponseMessage response)
    {
        using (response) Assert.Equal(expected, response.StatusCode);
        Assert.Empty(_host.Queue.Envelopes);
    }
}
