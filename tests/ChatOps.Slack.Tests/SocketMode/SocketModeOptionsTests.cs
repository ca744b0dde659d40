using ChatOps.Slack.SocketMode;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatOps.Slack.Tests.SocketMode;

/// <summary>The app token switches Socket Mode on; what is configured wrongly stops the host at start.</summary>
public sealed class SocketModeOptionsTests
{
    private const string BotToken = "xoxb-test";
    private const string AppToken = "xapp-1-A0CHATOPS-1-test";

    [Fact]
    public void SLACK_APP_TOKEN_is_read_and_two_connections_are_the_default()
    {
        using var services = SlackServices.Build(Settings(("SLACK_BOT_TOKEN", BotToken), ("SLACK_APP_TOKEN", AppToken)));
        var options = services.GetRequiredService<IOptions<SlackOptions>>().Value;
        Assert.Equal(AppToken, options.AppToken);
        Assert.True(options.SocketMode);
        Assert.Equal(2, options.SocketModeConnections);
    }

    [Theory]
    [InlineData("SLACK_APP_TOKEN", "xoxb-not-an-app-token", "xapp-")]
    [InlineData("Slack:SocketModeConnections", "11", "SocketModeConnections")]
    [InlineData("Slack:SocketModeConnections", "0", "SocketModeConnections")]
    public void A_wrong_setting_fails_validation(string key, string value, string named)
    {
        using var services = SlackServices.Build(Settings(("SLACK_BOT_TOKEN", BotToken), ("SLACK_APP_TOKEN", AppToken), (key, value)));
        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SlackOptions>>().Value);
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_app_token_without_a_bot_token_fails_validation()
    {
        using var services = SlackServices.Build(Settings(("SLACK_APP_TOKEN", AppToken)));
        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SlackOptions>>().Value);
        Assert.Contains("SLACK_BOT_TOKEN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_an_app_token_no_worker_runs_and_no_handler_is_needed()
    {
        using var services = SlackServices.Build(Settings(("SLACK_BOT_TOKEN", BotToken)));
        Assert.False(services.GetRequiredService<IOptions<SlackOptions>>().Value.SocketMode);
        Assert.DoesNotContain(services.GetServices<IHostedService>(), s => s is SocketModeWorker);
    }

    [Fact]
    public void With_an_app_token_the_worker_runs_and_takes_the_registered_handler()
    {
        using var services = SlackServices.Build(Settings(("SLACK_BOT_TOKEN", BotToken), ("SLACK_APP_TOKEN", AppToken)),
            configure: s => s.AddSingleton<ISocketModeEnvelopeHandler, RecordingEnvelopeHandler>());
        Assert.Single(services.GetServices<IHostedService>(), s => s is SocketModeWorker);
    }

    [Fact]
    public void With_an_app_token_the_envelopes_go_to_the_inbound_endpoints()
    {
        var services = new ServiceCollection().AddSlack();
        Assert.Contains(services, d => d.ServiceType == typeof(ISocketModeEnvelopeHandler) && d.ImplementationType == typeof(SocketModeInbound));
    }

    /// <summary>Later settings win over earlier ones with the same key.</summary>
    private static Dictionary<string, string?> Settings(params (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string?>();
        foreach (var (key, value) in settings) all[key] = value;
        return all;
    }
}
