using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatOps.Host.Tests;

/// <summary>
/// The embedded default as a person meets it: the host on a loopback port, the local workspace in Debian's Chromium
/// (Playwright drives it; browser downloads are not used). Declare, see the root and its thread, click, use the modal.
/// </summary>
public sealed class LocalWorkspaceBrowserTests(KestrelChatOpsFactory factory) : IClassFixture<KestrelChatOpsFactory>, IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        factory.StartServer();
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: scripts/test.sh installs Debian's chromium package.");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        // The bot works in the background after each acknowledgement; on a loaded machine that can take a while.
        SetDefaultExpectTimeout(30_000);
    }

    [Fact]
    public async Task An_incident_is_declared_worked_and_declared_again_through_the_modal()
    {
        var page = await _browser!.NewPageAsync();
        await page.GotoAsync(Address());
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

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
    }

    private string Address() =>
        factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
}
