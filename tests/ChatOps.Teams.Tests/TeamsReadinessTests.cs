using ChatOps.Teams.Outbound;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace ChatOps.Teams.Tests;

/// <summary>Readiness asks for the bot's Bot Connector token; a refusal degrades the bot, never takes it out of service.</summary>
public sealed class TeamsReadinessTests : IAsyncLifetime
{
    private FakeBotFramework _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeBotFramework.StartAsync();

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    private async Task<HealthReportEntry> ReadinessAsync(string password)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = FakeBotFramework.AppId,
            ["MicrosoftAppPassword"] = password,
            ["MicrosoftAppTenantId"] = FakeBotFramework.Tenant,
            ["MicrosoftAppType"] = "SingleTenant",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Critical));
        services.AddTeams(configuration);
        services.AddHttpClient(BotTokenProvider.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new Redirect(_fake.Url));
        await using var provider = services.BuildServiceProvider();
        // As a probe does, ask again until the first token request has an answer: a cold MSAL may take longer than a probe waits.
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Tags.Contains("ready"), patience.Token);
            var entry = report.Entries["teams"];
            if (entry.Description?.StartsWith("Entra ID has not answered", StringComparison.Ordinal) != true) return entry;
        }
    }

    [Fact]
    public async Task A_bot_that_gets_its_token_is_healthy()
    {
        var entry = await ReadinessAsync(FakeBotFramework.Secret);

        Assert.Equal((HealthStatus.Healthy, "the bot holds a Bot Connector token"), (entry.Status, entry.Description));
        Assert.Equal(1, _fake.TokensIssued);
    }

    [Fact]
    public async Task A_refused_token_is_degraded_and_says_what_to_check_without_the_secret()
    {
        var entry = await ReadinessAsync("not-the-password");

        Assert.Equal(HealthStatus.Degraded, entry.Status);
        Assert.Contains("invalid_client", entry.Description, StringComparison.Ordinal);
        Assert.Contains("MicrosoftAppPassword", entry.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password", entry.Description, StringComparison.Ordinal);
        Assert.Equal(0, _fake.TokensIssued);
    }
}
