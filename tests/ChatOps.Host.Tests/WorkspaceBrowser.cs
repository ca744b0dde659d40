using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatOps.Host.Tests;

/// <summary>
/// Debian's Chromium, driven by Playwright (browser downloads are not used), on the local workspace of a host on a
/// loopback port; and the gestures of its page that the browser tests share.
/// </summary>
internal static class WorkspaceBrowser
{
    private const string Chromium = "/usr/bin/chromium";

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: scripts/test.sh installs Debian's chromium package.");
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
        // The bot works in the background after each acknowledgement; on a loaded machine that can take a while.
        SetDefaultExpectTimeout(30_000);
        return browser;
    }

    /// <summary>Where the host listens, which is where its page is.</summary>
    public static string Address(KestrelChatOpsFactory factory) =>
        factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    /// <summary>A card in the thread, found by its heading.</summary>
    public static ILocator Card(ILocator thread, string heading) =>
        thread.GetByTestId("message")
            .Filter(new LocatorFilterOptions { Has = thread.Page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = heading }) });

    /// <summary>Acts as <paramref name="user"/>: clicks a card's button and confirms its dialog.</summary>
    public static async Task ClickAsAsync(IPage page, string user, ILocator card, string button, string dialog, string confirm)
    {
        await page.GetByLabel("You are").SelectOptionAsync(user);
        await card.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = button }).ClickAsync();
        var asked = page.GetByRole(AriaRole.Dialog, new PageGetByRoleOptions { Name = dialog });
        await asked.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = confirm }).ClickAsync();
        await Expect(asked).ToBeHiddenAsync();
    }
}
