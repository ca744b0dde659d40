using System.Text.RegularExpressions;
using ChatOps.LocalWorkspace;
using Microsoft.Playwright;
using static ChatOps.Host.Tests.WorkspaceBrowser;
using static Microsoft.Playwright.Assertions;

namespace ChatOps.Host.Tests;

/// <summary>
/// The embedded default as a person meets it: the host on a loopback port, the local workspace in Debian's Chromium
/// (Playwright drives it; browser downloads are not used). Declare, see the root and its thread, click, use the modal;
/// act as each of the four people through an emergency mitigation that needs two approvers, and its revert.
/// </summary>
public sealed class LocalWorkspaceBrowserTests(KestrelChatOpsFactory factory) : IClassFixture<KestrelChatOpsFactory>, IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        factory.StartServer();
        _playwright = await Playwright.CreateAsync();
        _browser = await LaunchAsync(_playwright);
    }

    [Fact]
    public async Task An_incident_is_declared_worked_and_declared_again_through_the_modal()
    {
        var page = await _browser!.NewPageAsync();
        await page.GotoAsync(Address(factory));
        var composer = page.GetByLabel("Message #incidents");

        await composer.FillAsync("/incident declare sev3 GPU saturation on vllm-pool");
        await composer.PressAsync("Enter");
        var root = page.Locator("#messages [data-testid=message]").Filter(new LocatorFilterOptions { HasText = "GPU saturation on vllm-pool" });
        await Expect(root.GetByRole(AriaRole.Heading)).ToContainTextAsync("SEV3 · GPU saturation on vllm-pool");

        await root.GetByTestId("replies-link").ClickAsync();
        await Expect(page.GetByTestId("thread")).ToContainTextAsync("declared by @alice");

        await root.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Mitigated" }).ClickAsync();
        await Expect(root).ToContainTextAsync("(edited)");
        await Expect(root.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Mitigated" })).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("thread")).ToContainTextAsync("is mitigated");

        await composer.FillAsync("/incident declare");
        await composer.PressAsync("Enter");
        var modal = page.GetByRole(AriaRole.Dialog, new PageGetByRoleOptions { Name = "Declare an incident" });
        await Expect(modal).ToBeVisibleAsync();
        await modal.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Declare" }).ClickAsync();
        await Expect(page.GetByTestId("error-title")).ToHaveTextAsync("An incident needs a title.");

        await modal.GetByLabel("Title").FillAsync("Embedding latency");
        await modal.GetByLabel("Severity").SelectOptionAsync("sev4");
        await modal.GetByLabel("Description").FillAsync("p99 above 2 s since 09:10");
        await modal.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Declare" }).ClickAsync();
        await Expect(modal).ToBeHiddenAsync();
        var second = page.Locator("#messages [data-testid=message]").Filter(new LocatorFilterOptions { HasText = "Embedding latency" });
        await Expect(second.GetByRole(AriaRole.Heading)).ToContainTextAsync("SEV4 · Embedding latency");
        await second.GetByTestId("replies-link").ClickAsync();
        await Expect(page.GetByTestId("thread")).ToContainTextAsync("Description: p99 above 2 s since 09:10");
    }

    [Fact]
    public async Task Four_people_take_an_emergency_mitigation_through_two_approvals_and_revert_it()
    {
        var page = await _browser!.NewPageAsync();
        await page.GotoAsync(Address(factory));
        var who = page.GetByLabel("You are");
        await Expect(who.Locator("option")).ToHaveTextAsync(["alice (manager)", "bob (responder)", "carol (manager)", "dave (responder, approver)"]);
        var thread = page.GetByTestId("thread");

        // bob, a responder, declares and asks in the thread for a mitigation the runbook marks emergency-only.
        await who.SelectOptionAsync(WorkspaceDirectory.Bob);
        var composer = page.GetByLabel("Message #incidents");
        await composer.FillAsync("/incident declare sev3 Spend spike on the gateway");
        await composer.PressAsync("Enter");
        var root = page.Locator("#messages [data-testid=message]").Filter(new LocatorFilterOptions { HasText = "Spend spike on the gateway" });
        await root.GetByTestId("replies-link").ClickAsync();
        await Expect(thread).ToContainTextAsync("declared by @bob");
        var reply = page.GetByLabel("Reply in thread");
        await reply.FillAsync("@chatops mitigate cost-spike/switch-to-cheaper-model");
        await reply.PressAsync("Enter");
        var request = Card(thread, "Mitigation request");
        await Expect(request).ToContainTextAsync("MODEL claude-3-5-sonnet → MODEL claude-3-5-haiku");
        await Expect(request).ToContainTextAsync("0/2 · emergency only: two approvers");
        var mitigation = Regex.Match(await request.GetByRole(AriaRole.Heading).InnerTextAsync(), @"MIT-\d+").Value;

        // alice, a manager, approves: one of two.
        await ClickAsAsync(page, WorkspaceDirectory.Alice, request, "Approve", $"Approve {mitigation}?", "Approve");
        await Expect(request).ToContainTextAsync("1/2 (@alice)");
        Assert.Equal(0, factory.Flags.Changes);

        // bob, who asked and approves nothing, is refused privately, and the count stays.
        await ClickAsAsync(page, WorkspaceDirectory.Bob, request, "Approve", $"Approve {mitigation}?", "Approve");
        await Expect(thread).ToContainTextAsync("Only approvers, managers or the appointed commander");
        await Expect(request).ToContainTextAsync("1/2 (@alice)");

        // dave, the responder who is a configured approver, is the second: the mitigation runs, once.
        await ClickAsAsync(page, WorkspaceDirectory.Dave, request, "Approve", $"Approve {mitigation}?", "Approve");
        await Expect(thread).Not.ToContainTextAsync("Only approvers, managers or the appointed commander");
        await Expect(request).ToContainTextAsync("2/2 (@alice, @dave)");
        await Expect(request).ToContainTextAsync("executed");
        await Expect(request.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Revert" })).ToBeVisibleAsync();
        Assert.Equal(1, factory.Flags.Changes);

        // dave asks to revert it; the revert needs two approvers too, and its requester is never one of them.
        await ClickAsAsync(page, WorkspaceDirectory.Dave, request, "Revert", $"Request a revert of {mitigation}?", "Request revert");
        var revert = Card(thread, "Revert request");
        await Expect(revert).ToContainTextAsync("0/2 · emergency only: two approvers");
        var reverting = Regex.Match(await revert.GetByRole(AriaRole.Heading).InnerTextAsync(), @"MIT-\d+").Value;
        await ClickAsAsync(page, WorkspaceDirectory.Dave, revert, "Approve", $"Approve {reverting}?", "Approve");
        await Expect(thread).ToContainTextAsync($"You requested {reverting}; someone else must approve it.");
        await ClickAsAsync(page, WorkspaceDirectory.Carol, revert, "Approve", $"Approve {reverting}?", "Approve");
        await Expect(revert).ToContainTextAsync("1/2 (@carol)");
        await ClickAsAsync(page, WorkspaceDirectory.Alice, revert, "Approve", $"Approve {reverting}?", "Approve");
        await Expect(revert).ToContainTextAsync("executed");
        await Expect(request).ToContainTextAsync("reverted");
        Assert.Equal(2, factory.Flags.Changes);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
