using ChatOps.Slack.Outbound;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Slack.Tests;

public sealed class ChannelPacerTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UnixEpoch);

    private ChannelPacer Pacer(int burst) =>
        new(new StaticOptionsMonitor(new SlackOptions { PostBurst = burst, PostInterval = TimeSpan.FromSeconds(1) }), _time);

    [Fact]
    public async Task A_burst_goes_out_at_once_then_one_post_per_interval()
    {
        var pacer = Pacer(burst: 2);
        await pacer.RunAsync("C1", true, _ => Task.FromResult(1), CancellationToken.None);
        await pacer.RunAsync("C1", true, _ => Task.FromResult(2), CancellationToken.None);
        var third = pacer.RunAsync("C1", true, _ => Task.FromResult(3), CancellationToken.None);
        var elsewhere = pacer.RunAsync("C2", true, _ => Task.FromResult(4), CancellationToken.None);
        Assert.Equal(4, await elsewhere);
        Assert.False(third.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(3, await third);
    }

    [Fact]
    public async Task Calls_in_one_channel_run_one_at_a_time_in_call_order()
    {
        var pacer = Pacer(burst: 10);
        var gate = new TaskCompletionSource<int>();
        var order = new List<int>();
        var first = pacer.RunAsync("C1", true, async _ => { var v = await gate.Task; order.Add(v); return v; }, CancellationToken.None);
        var second = pacer.RunAsync("C1", false, _ => { order.Add(2); return Task.FromResult(2); }, CancellationToken.None);
        Assert.False(second.IsCompleted);
        gate.SetResult(1);
        await Task.WhenAll(first, second);
        Assert.Equal([1, 2], order);
    }

    private sealed class StaticOptionsMonitor(SlackOptions value) : IOptionsMonitor<SlackOptions>
    {
        public SlackOptions CurrentValue => value;

        public SlackOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<SlackOptions, string?> listener) => null;
    }
}
