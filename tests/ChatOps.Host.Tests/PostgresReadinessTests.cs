using System.Net;
using ChatOps.TestKit.Servers;
using Microsoft.AspNetCore.Hosting;

namespace ChatOps.Host.Tests;

/// <summary>
/// The host on PostgreSQL: a server that is down at start does not stop the host; <c>/readyz</c> says it is unreachable
/// and why, and the host takes up its work by itself once the server is back.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes it through IAsyncLifetime.")]
public sealed class PostgresReadinessTests : IAsyncLifetime
{
    private readonly PostgresServer _server = new();
    private string _connectionString = "";

    public async Task InitializeAsync()
    {
        await _server.StartAsync(platform: false);
        _connectionString = await _server.CreateDatabaseAsync("chatops");
        await _server.StopAsync();
    }

    [Fact]
    public async Task A_server_down_at_start_is_reported_unreachable_and_waited_for()
    {
        await using var factory = new PostgresFactory(_connectionString);
        using var client = factory.CreateClient();

        var (status, body) = await ReadyzAsync(client);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("storage: Unhealthy: the database is unreachable (PostgreSQL at 127.0.0.1:", body, StringComparison.Ordinal);
        Assert.Contains("/chatops), retrying: ", body, StringComparison.Ordinal);

        await _server.StartAgainAsync();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while ((await ReadyzAsync(client)).Status != HttpStatusCode.OK && DateTime.UtcNow < deadline) await Task.Delay(250);
        (status, body) = await ReadyzAsync(client);
        Assert.True(status == HttpStatusCode.OK, body);
        Assert.Contains("storage: Healthy", body, StringComparison.Ordinal);
    }

    private static async Task<(HttpStatusCode Status, string Body)> ReadyzAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public Task DisposeAsync() => _server.DisposeAsync().AsTask();

    private sealed class PostgresFactory(string connectionString) : ChatOpsFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ConnectionStrings:Postgres", connectionString);
        }
    }
}
