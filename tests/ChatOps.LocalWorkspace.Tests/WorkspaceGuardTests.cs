using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace ChatOps.LocalWorkspace.Tests;

/// <summary>
/// The workspace answers its own page on this machine and nothing else: a page on another site, a name rebound to
/// 127.0.0.1, a plain form post or another machine is refused before anything is read, and nothing reaches the bot.
/// </summary>
public sealed class WorkspaceGuardTests : IAsyncLifetime
{
    private const string Declare = """{"user":"U0BOB00001","text":"declare sev3 Cross-site"}""";
    private const string Note = """{"user":"U0BOB00001","text":"@chatops note from elsewhere"}""";
    private WorkspaceApp _app = null!;

    public async Task InitializeAsync() => _app = await WorkspaceApp.StartAsync();

    [Fact]
    public async Task A_same_origin_json_action_reaches_the_configured_bot_signed_as_slack_signs()
    {
        var (status, _) = await _app.SendAsync("POST", "/local/ui/command", Declare, host: "127.0.0.1:5080", origin: "http://127.0.0.1:5080");
        Assert.Equal(HttpStatusCode.OK, status);
        var sent = Assert.Single(_app.Bot.Received);
        // Where the bot is comes from configuration: not from the Host the page was opened at.
        Assert.Equal(new Uri(WorkspaceApp.BotUrl + "slack/commands"), sent.Url);
        Assert.Contains("text=declare%20sev3%20Cross-site", sent.Body, StringComparison.Ordinal);
        var expected = "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(WorkspaceApp.Secret), Encoding.UTF8.GetBytes($"v0:{sent.Timestamp}:{sent.Body}")));
        Assert.Equal(expected, sent.Signature);
    }

    [Theory]
    [InlineData("http://evil.example")]
    [InlineData("http://localhost:5081")]
    [InlineData("https://localhost:5080")]
    [InlineData("null")]
    [InlineData(null)]
    public async Task An_action_from_another_origin_or_none_is_refused_and_changes_nothing(string? origin)
    {
        var before = _app.Workspace.Version;
        foreach (var (path, body) in new[] { ("/local/ui/command", Declare), ("/local/ui/message", Note), ("/local/ui/click", "{}"), ("/local/ui/submit", "{}"), ("/local/ui/close", "{}") })
        {
            var (status, reason) = await _app.SendAsync("POST", path, body, origin: origin);
            Assert.Equal(HttpStatusCode.Forbidden, status);
            Assert.Contains("LocalWorkspace:Origins", reason, StringComparison.Ordinal);
        }
        Assert.Empty(_app.Bot.Received);
        Assert.Empty(_app.Workspace.Messages);
        Assert.Equal(before, _app.Workspace.Version);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData(null)]
    public async Task An_action_that_is_not_json_is_refused_with_415_and_changes_nothing(string? contentType)
    {
        var before = _app.Workspace.Version;
        foreach (var (path, body) in new[] { ("/local/ui/command", Declare), ("/local/ui/message", Note) })
        {
            var (status, _) = await _app.SendAsync("POST", path, body, contentType);
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
        }
        Assert.Empty(_app.Bot.Received);
        Assert.Equal(before, _app.Workspace.Version);
    }

    [Fact]
    public async Task A_name_rebound_to_this_machine_can_neither_read_nor_act()
    {
        Assert.Equal(HttpStatusCode.OK, (await _app.SendAsync("GET", "/", origin: null)).Status);
        foreach (var path in new[] { "/", "/local/app.js", "/local/ui/state" })
            Assert.Equal(HttpStatusCode.Forbidden, (await _app.SendAsync("GET", path, host: "rebound.example:5080", origin: null)).Status);
        // The page of the rebound name is same-origin with itself, so its Origin and Host agree; neither is listed.
        var (status, _) = await _app.SendAsync("POST", "/local/ui/command", Declare, host: "rebound.example:5080", origin: "http://rebound.example:5080");
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Empty(_app.Bot.Received);
    }

    [Fact]
    public async Task Another_machine_gets_403_on_every_route()
    {
        var remote = IPAddress.Parse("203.0.113.7");
        foreach (var (method, path, body) in new[] { ("GET", "/", null), ("GET", "/local/ui/state", null), ("POST", "/local/ui/command", Declare), ("POST", "/local/api/auth.test", "{}") })
        {
            var (status, reason) = await _app.SendAsync(method, path, body, remote: remote);
            Assert.Equal(HttpStatusCode.Forbidden, status);
            Assert.Contains("LocalWorkspace:AllowRemote", reason, StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.OK, (await _app.SendAsync("GET", "/", remote: IPAddress.IPv6Loopback)).Status);
        Assert.Equal(HttpStatusCode.OK, (await _app.SendAsync("GET", "/", remote: IPAddress.Loopback.MapToIPv6())).Status);
        Assert.Empty(_app.Bot.Received);
    }

    [Fact]
    public async Task AllowRemote_lets_another_machine_in_but_still_only_to_the_listed_origins()
    {
        await using var open = await WorkspaceApp.StartAsync(new Dictionary<string, string?>
        {
            ["LocalWorkspace:AllowRemote"] = "true",
            ["LocalWorkspace:Origins:0"] = "http://devbox.internal:5080",
        });
        var remote = IPAddress.Parse("203.0.113.7");
        Assert.Equal(HttpStatusCode.OK, (await open.SendAsync("GET", "/", host: "devbox.internal:5080", remote: remote)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await open.SendAsync("GET", "/", host: "localhost:5080", remote: remote)).Status);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();
}
