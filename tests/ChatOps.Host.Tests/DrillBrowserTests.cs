using System.Text.RegularExpressions;
using ChatOps.Core.Scenarios;
using ChatOps.LocalWorkspace;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static ChatOps.Host.Tests.WorkspaceBrowser;
using static Microsoft.Playwright.Assertions;

namespace ChatOps.Host.Tests;

/// <summary>
/// A newcomer's first minute, with no platform anywhere: the shipped scenarios offered under "Start a drill", and one
/// drill played start to finish in the browser. Checks post the scenario's numbers, the tree is answered from them, a
/// mitigation is requested by one person and approved by another, reverted the same way, the drill is resolved and its
/// postmortem attached. A screenshot of the thread is left beside the test binaries (docs/drill-thread.png is one).
/// </summary>
public sealed class DrillBrowserTests(KestrelChatOpsFactory factory) : IClassFixture<KestrelChatOpsFactory>, IAsyncLifetime
{
    public const string Screenshot = "drill-thread.png";
    private const int Width = 1600;
    private const int Height = 900;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        factory.StartServer();
        _playwright = await Playwright.CreateAsync();
        _browser = await LaunchAsync(_playwright);
    }

    [Fact]
    public async Task A_drill_started_from_the_menu_is_played_to_its_postmortem()
    {
        var page = await _browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new() { Width = Width, Height = Height } });
        await page.GotoAsync(Address(factory));

        // The menu offers every scenario the host loaded from the shipped folder, by title and by the name drill takes.
        var shipped = factory.Services.GetRequiredService<ScenarioCatalog>().All;
        Assert.Contains(shipped, s => s.Id == "gpu-saturation");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Start a drill", Exact = true }).ClickAsync();
        var menu = page.GetByRole(AriaRole.Dialog, new PageGetByRoleOptions { Name = "Start a drill" });
        var offered = menu.Locator("button.drill");
        await Expect(offered).ToHaveCountAsync(shipped.Count);
        foreach (var scenario in shipped)
        {
            var named = new LocatorGetByRoleOptions { Name = $"{scenario.Title} {scenario.Id}", Exact = true };
            await Expect(menu.GetByRole(AriaRole.Button, named)).ToBeVisibleAsync();
        }

        // alice starts it; the page opens the drill's thread, where the run posts the scenario's numbers and walks the tree.
        var gpu = shipped.Single(s => s.Id == "gpu-saturation");
        await menu.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = gpu.Title }).ClickAsync();
        await Expect(menu).ToBeHiddenAsync();
        var root = page.Locator("#messages [data-testid=message]").Filter(new LocatorFilterOptions { HasText = gpu.Title });
        await Expect(root.GetByRole(AriaRole.Heading)).ToContainTextAsync($"[DRILL] {gpu.Title}");
        var thread = page.GetByTestId("thread");
        await Expect(thread).ToContainTextAsync("11/11 checks done");
        await Expect(thread).ToContainTextAsync("94.25");
        await Expect(thread).ToContainTextAsync("Answered from evidence");
        var recommendation = Card(thread, "Recommended next steps");
        await Expect(recommendation).ToContainTextAsync("Scale up inference pool");

        // bob, a responder, requests the scale-up; dave, a configured approver, approves it and it runs.
        await page.GetByLabel("You are").SelectOptionAsync(WorkspaceDirectory.Bob);
        var scaleUp = new LocatorGetByRoleOptions { Name = "Request: Scale up inference pool" };
        await recommendation.GetByRole(AriaRole.Button, scaleUp).ClickAsync();
        var request = Card(thread, "Mitigation request");
        await Expect(request).ToContainTextAsync("0/1");
        var mitigation = Regex.Match(await request.GetByRole(AriaRole.Heading).InnerTextAsync(), @"MIT-\d+").Value;
        await ClickAsAsync(page, WorkspaceDirectory.Dave, request, "Approve", $"Approve {mitigation}?", "Approve");
        await Expect(request).ToContainTextAsync("executed");
        await Expect(request).ToContainTextAsync("replicas 4 → replicas 6");

        // bob asks to revert it, alice approves: the simulated pool is back at four replicas.
        await ClickAsAsync(page, WorkspaceDirectory.Bob, request, "Revert", $"Request a revert of {mitigation}?", "Request revert");
        var revert = Card(thread, "Revert request");
        var reverting = Regex.Match(await revert.GetByRole(AriaRole.Heading).InnerTextAsync(), @"MIT-\d+").Value;
        await ClickAsAsync(page, WorkspaceDirectory.Alice, revert, "Approve", $"Approve {reverting}?", "Approve");
        await Expect(revert).ToContainTextAsync("executed");
        await Expect(revert).ToContainTextAsync("replicas 6 → replicas 4");
        await Expect(request).ToContainTextAsync("reverted");

        // alice resolves it from the root message, which then offers the postmortem, attached in the thread.
        var incident = Regex.Match(await root.GetByRole(AriaRole.Heading).InnerTextAsync(), @"INC-\d{4}-\d+").Value;
        await ClickAsAsync(page, WorkspaceDirectory.Alice, root, "Resolve", $"Resolve {incident}?", "Resolve");
        await root.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Postmortem" }).ClickAsync();
        var postmortem = thread.Locator("a.file");
        await Expect(postmortem).ToContainTextAsync($"{incident}-postmortem.md");
        var document = await (await page.APIRequest.GetAsync(Address(factory) + await postmortem.GetAttributeAsync("href"))).TextAsync();
        Assert.Contains(gpu.Title, document, StringComparison.Ordinal);
        Assert.Contains("replicas 4 → replicas 6", document, StringComparison.Ordinal);

        await SaveThreadAsync(page);
    }

    /// <summary>The whole thread in one picture: the page grows until the thread no longer scrolls.</summary>
    private static async Task SaveThreadAsync(IPage page)
    {
        var hidden = await page.EvaluateAsync<int>("() => { const r = document.getElementById('replies'); return r.scrollHeight - r.clientHeight; }");
        await page.SetViewportSizeAsync(Width, Height + hidden);
        var path = Path.Combine(AppContext.BaseDirectory, Screenshot);
        await page.Locator("#thread").ScreenshotAsync(new LocatorScreenshotOptions { Path = path });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
