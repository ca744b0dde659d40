using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatOps.LocalWorkspace.Tests;

public sealed class LocalWorkspaceOptionsTests
{
    [Fact]
    public void It_is_off_and_loopback_only_unless_configured_and_serves_the_run_address()
    {
        var options = Options(new Dictionary<string, string?>());
        Assert.False(options.Enabled);
        Assert.False(options.AllowRemote);
        Assert.Equal(["http://localhost:5080", "http://127.0.0.1:5080"], options.Origins);
        Assert.Null(options.BotUrl);
    }

    [Fact]
    public void Configured_origins_replace_the_defaults()
    {
        var options = Options(new Dictionary<string, string?> { ["LocalWorkspace:Origins:0"] = "http://localhost:6000" });
        Assert.Equal(["http://localhost:6000"], options.Origins);
    }

    [Theory]
    [InlineData("LocalWorkspace:Origins:0", "http://localhost:5080/chat", "LocalWorkspace:Origins")]
    [InlineData("LocalWorkspace:Origins:0", "localhost:5080", "LocalWorkspace:Origins")]
    [InlineData("LocalWorkspace:Origins:0", "ftp://localhost", "LocalWorkspace:Origins")]
    [InlineData("LocalWorkspace:BotUrl", "not a url", "LocalWorkspace:BotUrl")]
    public void A_wrong_setting_is_named_when_the_workspace_is_on(string key, string value, string named)
    {
        var on = new Dictionary<string, string?> { ["LocalWorkspace:Enabled"] = "true", [key] = value };
        var error = Assert.Throws<OptionsValidationException>(() => Options(on));
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        // Off, it is not served, so nothing of it stops the host.
        Options(new Dictionary<string, string?> { [key] = value });
    }

    private static LocalWorkspaceOptions Options(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLocalWorkspace(_ => "secret");
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<LocalWorkspaceOptions>>().Value;
    }
}
