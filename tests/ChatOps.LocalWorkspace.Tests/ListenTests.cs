using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatOps.LocalWorkspace.Tests;

/// <summary>What the host listens on: a warning when other machines can reach it, and the bot's address when none is configured.</summary>
public sealed class ListenTests
{
    [Theory]
    [InlineData("http://0.0.0.0:5080", true)]
    [InlineData("http://[::]:5080", true)]
    [InlineData("http://*:5080", true)]
    [InlineData("http://+:5080", true)]
    [InlineData("http://192.0.2.10:5080", true)]
    [InlineData("http://localhost:5080", false)]
    [InlineData("http://127.0.0.1:5080", false)]
    [InlineData("http://[::1]:5080", false)]
    [InlineData("http://unix:/run/chatops.sock", false)]
    public void Addresses_beyond_loopback_are_exposed(string address, bool exposed) =>
        Assert.Equal(exposed, ListenAddresses.Exposed([address]).Count == 1);

    [Theory]
    [InlineData("http://0.0.0.0:5080", "Warning", "beyond loopback; requests to the workspace from other machines get 403")]
    [InlineData("http://127.0.0.1:5080", null, null)]
    [InlineData("http://127.0.0.1:6000", "Warning", "add the address you open to LocalWorkspace:Origins")]
    public void The_start_warns_when_the_host_listens_beyond_loopback_or_away_from_the_origins(string address, string? level, string? warning)
    {
        var (worker, log) = Worker(new Dictionary<string, string?> { ["LocalWorkspace:Enabled"] = "true" }, address);
        worker.Check();
        var warnings = log.Entries.Where(e => e.Level == LogLevel.Warning).Select(e => e.Text).ToList();
        if (level is null) Assert.Empty(warnings);
        else Assert.Contains(warnings, w => w.Contains(warning!, StringComparison.Ordinal));
        Assert.Contains(log.Entries, e => e.Level == LogLevel.Information && e.Text.Contains("http://localhost:5080, http://127.0.0.1:5080", StringComparison.Ordinal));
    }

    [Fact]
    public void With_AllowRemote_the_warning_says_other_machines_can_use_it()
    {
        var (worker, log) = Worker(new Dictionary<string, string?> { ["LocalWorkspace:Enabled"] = "true", ["LocalWorkspace:AllowRemote"] = "true" }, "http://[::]:5080");
        worker.Check();
        Assert.Contains(log.Entries, e => e.Level == LogLevel.Warning && e.Text.Contains("lets other machines use it", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, "http://[::]:6000", "http://127.0.0.1:6000/")]
    [InlineData(null, "http://localhost:5080", "http://localhost:5080/")]
    [InlineData("http://127.0.0.1:7000", "http://localhost:5080", "http://127.0.0.1:7000/")]
    public void The_bot_is_at_the_configured_url_else_where_the_host_listens(string? botUrl, string listening, string expected)
    {
        using var services = Services(new Dictionary<string, string?> { ["LocalWorkspace:BotUrl"] = botUrl }, listening);
        Assert.Equal(new Uri(expected), services.GetRequiredService<BotAddress>().Resolve());
    }

    private static (ListenCheckWorker Worker, RecordingLogger Log) Worker(Dictionary<string, string?> settings, string address)
    {
        var log = new RecordingLogger();
        var services = Services(settings, address, log);
        return (ActivatorUtilities.CreateInstance<ListenCheckWorker>(services), log);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings, string address, RecordingLogger? log = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging(b => b.AddProvider(log ?? new RecordingLogger()));
        services.AddSingleton<IServer>(new ListeningServer(address));
        services.AddLocalWorkspace(_ => "secret");
        return services.BuildServiceProvider();
    }

    /// <summary>A server that only says where it listens.</summary>
    private sealed class ListeningServer : IServer
    {
        public ListeningServer(string address)
        {
            var addresses = new ServerAddressesFeature();
            addresses.Addresses.Add(address);
            Features.Set<IServerAddressesFeature>(addresses);
        }

        public IFeatureCollection Features { get; } = new FeatureCollection();

        public Task StartAsync<TContext>(Microsoft.AspNetCore.Hosting.Server.IHttpApplication<TContext> application, CancellationToken cancellationToken) where TContext : notnull => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose() { }
    }
}
