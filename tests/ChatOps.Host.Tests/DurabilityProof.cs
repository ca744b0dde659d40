using System.Collections.Concurrent;
using System.Net;
using ChatOps.Core.Incidents;
using ChatOps.TestKit;
using Xunit.Abstractions;

namespace ChatOps.Host.Tests;

/// <summary>
/// Accepted means stored, proven on a real process: a burst of signed commands over many channels, the host stopped
/// mid-burst (kill -9, or SIGTERM as a redeploy does), a new host on the same storage. Every command that was
/// acknowledged is on its incident's timeline exactly once, in the order it was acknowledged in its channel.
/// </summary>
public abstract class DurabilityProof(ITestOutputHelper output) : IAsyncLifetime, IDisposable
{
    private const int Channels = 20;
    private const int PerChannel = 50;

    private readonly HttpClient _client = new() { Timeout = TimeSpan.FromSeconds(30) };
    private FakeSocketModeServer _slack = null!;
    private IIncidentStore _store = null!;
    private IReadOnlyDictionary<string, string> _storage = null!;

    /// <summary>The host's storage settings, and a store of the test's own on the same data.</summary>
    protected abstract Task<(IReadOnlyDictionary<string, string> Settings, IIncidentStore Store)> StorageAsync();

    public async Task InitializeAsync()
    {
        _slack = await FakeSocketModeServer.StartAsync();
        (_storage, _store) = await StorageAsync();
    }

    [Fact]
    public Task Kill_9_mid_burst_loses_no_acknowledged_command_and_runs_none_twice() => BurstAsync(host => host.CrashAsync());

    [Fact]
    public Task Sigterm_mid_burst_hands_back_what_did_not_finish_and_loses_nothing() => BurstAsync(async host =>
    {
        Assert.Equal(0, await host.TerminateAsync());
        Assert.Matches(@"Work runner stopped: \d+ running items finished, \d+ handed back; \d+ items wait in the queue", host.Output);
    });

    private async Task BurstAsync(Func<HostProcess, Task> stop)
    {
        var store = _store;
        var incidents = new Dictionary<string, IncidentId>();
        var acknowledged = new ConcurrentDictionary<string, ConcurrentQueue<string>>();
        await using (var first = await StartAsync())
        {
            for (var c = 0; c < Channels; c++) Assert.Equal(HttpStatusCode.OK, (await Command(first, Channel(c), $"declare sev3 burst {c}")).StatusCode);
            await Eventually(async () => (await store.ListOpenAsync(null, default)).Count == Channels, first);
            foreach (var incident in await store.ListOpenAsync(null, default)) incidents[incident.Place.Channel] = incident.Id;

            var total = 0;
            using var halfway = new CancellationTokenSource();
            var senders = Enumerable.Range(0, Channels).Select(c => Task.Run(async () =>
            {
                var channel = Channel(c);
                for (var i = 0; i < PerChannel; i++)
                {
                    var text = $"burst {channel}-{i}";
                    try
                    {
                        using var response = await Command(first, channel, $"note {text}");
                        // Acknowledged as accepted: 200 with no private answer (a refusal or "try again" has one).
                        if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentLength > 0) return;
                    }
                    catch (HttpRequestException)
                    {
                        return; // The host went away: this one was never acknowledged, nor anything after it.
                    }
                    catch (TaskCanceledException)
                    {
                        return;
                    }
                    acknowledged.GetOrAdd(channel, _ => new()).Enqueue(text);
                    if (Interlocked.Increment(ref total) == Channels * PerChannel / 2) await halfway.CancelAsync();
                }
            })).ToList();

            await Task.WhenAny(Task.Delay(Timeout.Infinite, halfway.Token).ContinueWith(_ => { }, TaskScheduler.Default), Task.WhenAll(senders));
            await stop(first);
            await Task.WhenAll(senders);
        }

        var acknowledgedCount = acknowledged.Values.Sum(q => q.Count);
        var doneBefore = 0;
        foreach (var channel in acknowledged.Keys) doneBefore += (await Notes(store, incidents[channel])).Count;
        output.WriteLine($"{acknowledgedCount} acknowledged, {doneBefore} run before the stop");
        Assert.InRange(acknowledgedCount, Channels * PerChannel / 2, Channels * PerChannel);
        // Slack's pace keeps the queue long: the stop must find work waiting, or this proves nothing.
        Assert.True(doneBefore < acknowledgedCount, "Everything had run before the stop.");

        await using var second = await StartAsync();
        await Eventually(async () =>
        {
            foreach (var (channel, texts) in acknowledged)
                if ((await Notes(store, incidents[channel])).Count < texts.Count) return false;
            return true;
        }, second);

        foreach (var (channel, texts) in acknowledged)
        {
            var notes = await Notes(store, incidents[channel]);
            Assert.Equal(notes.Count, notes.Distinct().Count());
            // In order; at most the one command in flight when the host stopped was stored but never acknowledged.
            Assert.Equal(texts, notes.Take(texts.Count));
            Assert.InRange(notes.Count - texts.Count, 0, 1);
        }
    }

    private static async Task<List<string>> Notes(IIncidentStore store, IncidentId incident) =>
        [.. (await store.TimelineAsync(incident, default)).Where(e => e.Kind == TimelineKind.Note && e.Text.StartsWith("burst ", StringComparison.Ordinal)).Select(e => e.Text)];

    private static string Channel(int c) => $"C{c:D3}";

    private Task<HttpResponseMessage> Command(HostProcess host, string channel, string text) =>
        _client.CommandAsync("U0BURST", channel, text, address: host.Address);

    private async Task<HostProcess> StartAsync()
    {
        var host = HostProcess.Start(new Dictionary<string, string>(_storage)
        {
            ["SLACK_SIGNING_SECRET"] = ChatOpsFactory.Secret,
            ["SLACK_BOT_TOKEN"] = "xoxb-durability-test",
            ["SLACK_API_URL"] = _slack.ApiUrl.ToString(),
            // A tenth of Slack's own pace per channel: fast enough for a test, slow enough that work waits in the queue.
            ["Slack__PostInterval"] = "00:00:00.1",
            ["Slack__PostBurst"] = "1",
            ["Slack__UpdateInterval"] = "00:00:00",
            ["Work__Concurrency"] = "8",
            // Items the killed host held wait out their lease before the next host takes them.
            ["Work__Lease"] = "00:00:05",
        });
        Assert.True(await host.WaitUntilLiveAsync(_client), host.Output);
        return host;
    }

    private static async Task Eventually(Func<Task<bool>> condition, HostProcess host)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        while (!await condition())
        {
            Assert.False(deadline.IsCancellationRequested, "Not done within 3 minutes:\n" + host.Output[^Math.Min(host.Output.Length, 4000)..]);
            await Task.Delay(100);
        }
    }

    public void Dispose()
    {
        _client.Dispose();
        GC.SuppressFinalize(this);
    }

    public virtual async Task DisposeAsync() => await _slack.DisposeAsync();
}
