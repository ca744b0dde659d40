using ChatOps.Core.Access;
using ChatOps.Teams.Outbound;
using ChatOps.Teams.People;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.Teams.Tests;

/// <summary>
/// Azure AD groups as Teams role groups: members read from Microsoft Graph (pages followed, throttling waited out) with
/// the bot's own Graph token, kept by the group members cache, and nobody in a role while Graph cannot say.
/// </summary>
public sealed class GroupsTests : IAsyncLifetime
{
    private const string Approvers = "6a0f4c1e-2b3d-4e5f-8a9b-0c1d2e3f4a5b";
    private const string Managers = "7b1e5d2f-3c4e-4f6a-9b0c-1d2e3f4a5b6c";
    private const string Carol = "c4a1b2c3-d4e5-4f60-8a1b-2c3d4e5f6a7b";
    private const string Dave = "d5b2c3d4-e5f6-4a71-9b2c-3d4e5f6a7b8c";
    private FakeBotFramework _fake = null!;
    private ServiceProvider _services = null!;

    private IPlatformGroups Groups => _services.GetServices<IPlatformGroups>().Single(g => g.Platform == TeamsPlatform.Name);

    public async Task InitializeAsync()
    {
        _fake = await FakeBotFramework.StartAsync();
        _fake.AddGroup(Approvers, "a0000000-0000-4000-8000-000000000001", "a0000000-0000-4000-8000-000000000002", "a0000000-0000-4000-8000-000000000003",
            "a0000000-0000-4000-8000-000000000004", Carol.ToUpperInvariant());
        _fake.AddGroup(Managers, Dave);
        _services = Services(new() { ["Teams:ApproverGroups:0"] = Approvers, ["Teams:ManagerGroups:0"] = Managers, ["Teams:GroupCacheDuration"] = "01:00:00" });
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task Members_on_every_page_hold_the_role_and_others_do_not()
    {
        Assert.True(await Groups.InApproverGroupAsync(Carol, CancellationToken.None));
        Assert.False(await Groups.InApproverGroupAsync(Dave, CancellationToken.None));
        Assert.True(await Groups.InManagerGroupAsync(Dave, CancellationToken.None));
        Assert.False(await Groups.InManagerGroupAsync(Carol, CancellationToken.None));

        var pages = _fake.Calls.Where(c => c.Target.Contains(Approvers, StringComparison.Ordinal)).ToList();
        Assert.Equal(3, pages.Count);
        Assert.All(pages, p => Assert.Equal(200, p.Status));
        Assert.StartsWith($"/v1.0/groups/{Approvers}/transitiveMembers/microsoft.graph.user?$select=id&$top=999", pages[0].Target, StringComparison.Ordinal);
        Assert.Contains("$skiptoken=4", pages[2].Target, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_group_read_once_is_kept_for_the_cache_duration()
    {
        await Groups.InApproverGroupAsync(Carol, CancellationToken.None);
        var calls = _fake.Calls.Count;
        Assert.True(await Groups.InApproverGroupAsync(Carol, CancellationToken.None));
        Assert.Equal(calls, _fake.Calls.Count);
    }

    [Fact]
    public async Task A_429_from_graph_is_waited_out()
    {
        _fake.ThrottleGraphNext(retryAfterSeconds: 1);
        Assert.True(await Groups.InManagerGroupAsync(Dave, CancellationToken.None));
        Assert.Equal([429, 200], _fake.Calls.Where(c => c.Target.Contains(Managers, StringComparison.Ordinal)).Select(c => c.Status));
    }

    [Fact]
    public async Task The_graph_token_is_asked_for_graph_and_the_connector_token_never_goes_there()
    {
        Assert.True(await Groups.InManagerGroupAsync(Dave, CancellationToken.None));
        // The fake's Graph refuses anything but a token issued for https://graph.microsoft.com/.default.
        Assert.DoesNotContain(_fake.Calls, c => c.Status == 401);
        Assert.Equal(1, _fake.TokensIssued);
    }

    [Fact]
    public async Task An_unknown_group_gives_nobody_the_role_and_is_asked_again_next_time()
    {
        await using var services = Services(new() { ["Teams:ApproverGroups:0"] = "00000000-0000-4000-8000-00000000dead" });
        var groups = services.GetServices<IPlatformGroups>().Single(g => g.Platform == TeamsPlatform.Name);
        Assert.False(await groups.InApproverGroupAsync(Carol, CancellationToken.None));
        Assert.False(await groups.InApproverGroupAsync(Carol, CancellationToken.None));
        Assert.Equal([404, 404], _fake.Calls.Select(c => c.Status));
    }

    [Fact]
    public async Task A_next_page_on_another_host_is_not_followed()
    {
        _fake.ForeignNextLink = "https://graph.evil.example/v1.0/next";
        Assert.False(await Groups.InApproverGroupAsync(Carol, CancellationToken.None));
        Assert.Single(_fake.Calls, c => c.Target.Contains(Approvers, StringComparison.Ordinal));
        Assert.Empty(_fake.OtherRequests);
    }

    [Theory]
    [InlineData("Teams:ApproverGroups:0", "sg-approvers", "Azure AD group object ids (GUIDs)")]
    [InlineData("Teams:GraphUrl", "http://graph.example/", "Teams:GraphUrl must be an absolute https URL")]
    public void A_wrong_setting_stops_the_start_naming_it(string key, string value, string expected)
    {
        using var services = Services(new() { [key] = value });
        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<TeamsDirectoryOptions>>().Value);
        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Groups_of_a_multi_tenant_bot_need_its_tenant()
    {
        using var services = Services(new() { ["Teams:ManagerGroups:0"] = Managers, ["MicrosoftAppType"] = "MultiTenant", ["MicrosoftAppTenantId"] = "" });
        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<TeamsDirectoryOptions>>().Value);
        Assert.Contains("need MicrosoftAppTenantId", failure.Message, StringComparison.Ordinal);
    }

    private ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = FakeBotFramework.AppId,
            ["MicrosoftAppPassword"] = FakeBotFramework.Secret,
            ["MicrosoftAppTenantId"] = FakeBotFramework.Tenant,
        }).AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddTeams(configuration);
        services.AddHttpClient(BotTokenProvider.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new Redirect(_fake.Url));
        services.AddHttpClient(GraphClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new Redirect(_fake.Url));
        return services.BuildServiceProvider();
    }
}
