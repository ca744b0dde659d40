using System.Net;
using ChatOps.Core.Incidents;
using ChatOps.Storage.Postgres;
using ChatOps.TestKit;
using ChatOps.TestKit.Servers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatOps.Host.Tests;

/// <summary>Two host processes on one PostgreSQL and one Redis, as a team runs them, and what happens when one goes.</summary>
[Collection(ReplicaCollection.Name)]
public sealed class ReplicaTests(ReplicaServers servers) : IAsyncLifetime, IDisposable
{
    private const string User = "U0REPLICA";
    private const string Channel = "C0REPLICA";

    private readonly HttpClient _client = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly DirectoryInfo _runbooks = Directory.CreateTempSubdirectory("chatops-replica-runbooks-");
    private FakeSocketModeServer _slack = null!;
    private string _connection = null!;
    private PostgresDatabase _database = null!;
    private PostgresIncidentStore _store = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSocketModeServer.StartAsync();
        _connection = await servers.CreateDatabaseAsync();
        _database = new PostgresDatabase(_connection);
        _store = new PostgresIncidentStore(_database);
    }

    [Fact]
    public async Task A_delivery_and_its_slack_retry_reaching_different_replicas_are_handled_once()
    {
        await using var a = await StartAsync();
        await using var b = await StartAsync();
        var incident = await DeclareAsync(a);

        // Slack retries an event it thinks went unanswered: the same event id, now carrying X-Slack-Retry-Num.
        var retry = new Dictionary<string, string> { ["X-Slack-Retry-Num"] = "1", ["X-Slack-Retry-Reason"] = "http_timeout" };
        var answers = await Task.WhenAll(
            _client.MentionAsync("Ev0RETRIED", User, Channel, incident.Place.Thread!, "note retried once", address: a.Address),
            _client.MentionAsync("Ev0RETRIED", User, Channel, incident.Place.Thread!, "note retried once", headers: retry, address: b.Address));
        Assert.All(answers, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        // Work of one channel runs in order across replicas: once the later note is on the timeline, the first is done.
        Assert.Equal(HttpStatusCode.OK, (await _client.MentionAsync("Ev0MARKER", User, Channel, incident.Place.Thread!, "note marker", address: b.Address)).StatusCode);
        await Eventually(async () => (await Notes(incident)).Contains("marker"), a, b);

        Assert.Equal(["retried once", "marker"], await Notes(incident));
    }

    [Fact]
    public async Task A_replica_killed_while_a_long_check_runs_leaves_it_to_the_other_after_the_lease()
    {
        var firstCall = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var never = new TaskCompletionSource();
        var calls = 0;
        var (target, url) = await KestrelApp.StartAsync(app => app.MapGet("/health", async () =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                firstCall.TrySetResult();
                await never.Task; // The replica running the check dies while it waits.
            }
            return Results.Json(new { ok = true });
        }));
        await using var _ = target;
        await File.WriteAllTextAsync(Path.Combine(_runbooks.FullName, "slow-check.yaml"), """
            id: slow-check
            title: Slow check
            summary: One check whose target answers only on the second call.
            checks:
              - id: slow-health
                title: Slow health
                kind: http
                target: slow
                method: GET
                path: /health
                timeout: 5m
                critical: status != 200
            """);
        var slow = new Dictionary<string, string>
        {
            ["Runbooks__Folder"] = _runbooks.FullName,
            ["Targets__slow__Kind"] = "http",
            ["Targets__slow__Url"] = url,
        };

        var a = await StartAsync(slow);
        HostProcess? b = null;
        try
        {
            var incident = await DeclareAsync(a);
            Assert.Equal(HttpStatusCode.OK, (await _client.CommandAsync(User, Channel, $"run {incident.Id} slow-check", address: a.Address)).StatusCode);
            await firstCall.Task.WaitAsync(TimeSpan.FromMinutes(2));
            b = await StartAsync(slow);
            await a.CrashAsync();

            await Eventually(async () => (await _store.TimelineAsync(incident.Id, default)).Any(e => e.Kind == TimelineKind.CheckRan), b);
            var timeline = await _store.TimelineAsync(incident.Id, default);
            Assert.Single(timeline, e => e.Kind == TimelineKind.RunbookStarted);
            Assert.Single(timeline, e => e.Kind == TimelineKind.CheckRan);
            Assert.Equal(2, Volatile.Read(ref calls));
        }
        finally
        {
            never.TrySetResult();
            await a.DisposeAsync();
            if (b is not null) await b.DisposeAsync();
        }
    }

    [Fact]
    public async Task PostgreSQL_stopped_under_traffic_answers_try_again_loses_nothing_acknowledged_and_resumes_by_itself()
    {
        await using var host = await StartAsync();
        var incident = await DeclareAsync(host);
        var acknowledged = new List<string>();
        async Task SendAsync(string text)
        {
            using var response = await _client.CommandAsync(User, Channel, $"note {text}", address: host.Address);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            if (body.Length == 0) acknowledged.Add(text);
            else Assert.Contains("Try again in a moment", body, StringComparison.Ordinal);
        }

        for (var i = 0; i < 10; i++) await SendAsync($"before {i}");
        await servers.Postgres.StopAsync();
        try
        {
            for (var i = 0; i < 10; i++) await SendAsync($"during {i}");
            using var mention = await _client.MentionAsync("Ev0OUTAGE", User, Channel, incident.Place.Thread!, "note during the outage", address: host.Address);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, mention.StatusCode);
            using var ready = await _client.GetAsync(new Uri(host.Address, "/readyz"));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        }
        finally
        {
            await servers.Postgres.StartAgainAsync();
        }

        await Eventually(async () =>
        {
            using var ready = await _client.GetAsync(new Uri(host.Address, "/readyz"));
            return ready.StatusCode == HttpStatusCode.OK;
        }, host);
        for (var i = 0; i < 10; i++) await SendAsync($"after {i}");

        Assert.Equal(20, acknowledged.Count(t => !t.StartsWith("during", StringComparison.Ordinal)));
        await Eventually(async () => (await Notes(incident)).Count >= acknowledged.Count, host);
        Assert.Equal(acknowledged, await Notes(incident));
    }

    private async Task<Incident> DeclareAsync(HostProcess host)
    {
        Assert.Equal(HttpStatusCode.OK, (await _client.CommandAsync(User, Channel, "declare sev3 replicas", address: host.Address)).StatusCode);
        Incident? declared = null;
        await Eventually(async () => (declared = (await _store.ListOpenAsync(null, default)).SingleOrDefault())?.Place.Thread is not null, host);
        return declared!;
    }

    private async Task<List<string>> Notes(Incident incident) =>
        [.. (await _store.TimelineAsync(incident.Id, default)).Where(e => e.Kind == TimelineKind.Note).Select(e => e.Text)];

    private async Task<HostProcess> StartAsync(IReadOnlyDictionary<string, string>? extra = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings__Postgres"] = _connection,
            ["ConnectionStrings__Redis"] = servers.RedisConnection,
            ["SLACK_SIGNING_SECRET"] = ChatOpsFactory.Secret,
            ["SLACK_BOT_TOKEN"] = "xoxb-replica-test",
            ["SLACK_API_URL"] = _slack.ApiUrl.ToString(),
            ["Slack__PostInterval"] = "00:00:00",
            ["Slack__UpdateInterval"] = "00:00:00",
            ["Work__Lease"] = "00:00:05",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>()) settings[key] = value;
        var host = HostProcess.Start(settings);
        Assert.True(await host.WaitUntilLiveAsync(_client), host.Output);
        return host;
    }

    private static async Task Eventually(Func<Task<bool>> condition, params HostProcess[] hosts)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (true)
        {
            try
            {
                if (await condition()) return;
            }
            catch (Npgsql.NpgsqlException)
            {
                // The test's own reads meet the same outage; the hosts are what is being waited for.
            }
            Assert.False(deadline.IsCancellationRequested,
                "Not done within 2 minutes:\n" + string.Join("\n---\n", hosts.Select(h => h.Output[^Math.Min(h.Output.Length, 3000)..])));
            await Task.Delay(100);
        }
    }

    public void Dispose() => _client.Dispose();

    public async Task DisposeAsync()
    {
        await _slack.DisposeAsync();
        await _database.DisposeAsync();
        _runbooks.Delete(recursive: true);
    }
}
