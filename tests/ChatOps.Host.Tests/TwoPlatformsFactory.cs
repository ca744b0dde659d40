using ChatOps.TestKit.Teams;
using Microsoft.AspNetCore.Hosting;

namespace ChatOps.Host.Tests;

/// <summary>The embedded host serving Slack (through the local workspace) and Teams (against the fakes) at once.</summary>
internal sealed class TwoPlatformsFactory(FakeBotFramework botFramework) : ChatOpsFactory
{
    public FakeChannelIdentity Identity { get; } = new();

    public string Token() => Identity.Token(audience: FakeBotFramework.AppId, serviceUrl: TeamsChatOpsFactory.ServiceUrl);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        TeamsChatOpsFactory.UseTeams(builder, botFramework, Identity);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Identity.Dispose();
    }
}
