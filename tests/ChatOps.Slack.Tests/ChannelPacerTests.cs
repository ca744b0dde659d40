using ChatOps.Slack.Outbound;
using ChatOps.TestKit;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Slack.Tests;

public sealed class ChannelPacerTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UnixEpoch);

    private ChannelPacer Pacer(int burst, int updateBurst = 10) =>
        new(new StaticOptionsMonitor(new SlackOptions
        {
            PostBurst = burst, PostInterval = TimeSpan.FromSeconds(1), UpdateBurst = updateBurst, UpdateInterval = TimeSpan.FromSeconds(1.2),
        }), _time);

    [Fact]
    public async Task A_burst_goes_out_at_once_then_one_post_per_interval()
    {
        var pacer = Pacer(burst: 2);
        await pacer.PostAsync("C1", _ => Task.FromResult(1), CancellationToken.None);
        await pacer.PostAsync("C1", _ => Task.FromResult(2), CancellationToken.None);
        var third = pacer.PostAsync("C1", _ => Task.FromResult(3), CancellationToken.None);
        var elsewhere = pacer.PostAsync("C2", _ => Task.FromResult(4), CancellationToken.None);
        Assert.Equal(4, await elsewhere);
        Assert.False(third.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(3, await third);
    }

    [Fact]
    public async Task Posts_in_one_channel_run_one_at_a_time_in_call_order()
    {
        var pacer = Pacer(burst: 10);
        var gate = new TaskCompletionSource<int>();
        var order = new List<int>();
        var first = pacer.PostAsync("C1", async _ => { var v = await gate.Task; order.Add(v); return v; }, CancellationToken.None);
        var second = pacer.PostAsync("C1", _ => { order.Add(2); return Task.FromResult(2); }, CancellationToken.None);
        Assert.False(second.IsCompleted);
        gate.SetResult(1);
        await Task.WhenAll(first, second);
        Assert.Equal([1, 2], order);
    }

    [Fact]
    public async Task Updates_beyond_the_workspace_burst_wait_for_their_interval_without_holding_up_posts()
    {
        // chat.update is limited per workspace (Tier 3), so the burst counts updates in every channel.
        var pacer = Pacer(burst: 3, updateBurst: 2);
        var steps = new StepRunner(_time);
        var first = steps.Start(() => pacer.UpdateAsync(_ => Task.FromResult(1), CancellationToken.None));
        var second = steps.Start(() => pacer.UpdateAsync(_ => Task.FromResult(2), CancellationToken.None));
        var third = steps.Start(() => pacer.UpdateAsync(_ => Task.FromResult(3), CancellationToken.None));
        // The waiting update has not taken the channel's turn, so a post behind it goes at once.
        var post = steps.Start(() => pacer.PostAsync("C1", _ => Task.FromResult(4), CancellationToken.None));
        Assert.True(first.IsCompleted && second.IsCompleted && post.IsCompleted);
        Assert.False(third.IsCompleted);
        steps.Advance(TimeSpan.FromSeconds(1.2));
        Assert.True(third.IsCompleted);
        Assert.Equal(3, await third);
    }

    [Fact]
    public void Updates_keep_their_call_order_while_they_wait()
    {
        var pacer = Pacer(burst: 3, updateBurst: 1);
        var steps = new StepRunner(_time);
        var order = new List<int>();
        Task<int> Update(int n) => steps.Start(() => pacer.UpdateAsync(_ =>
        {
            order.Add(n);
            return Task.FromResult(n);
        }, CancellationToken.None));
        var updates = new[] { Update(1), Update(2), Update(3) };
        Assert.Equal([true, false, false], updates.Select(u => u.IsCompleted));
        steps.Advance(TimeSpan.FromSeconds(1.2));
        Assert.Equal([true, true, false], updates.Select(u => u.IsCompleted));
        steps.Advance(TimeSpan.FromSeconds(1.2));
        Assert.Equal([1, 2, 3], order);
    }

    [Fact]
    public void An_update_does_not_wait_behind_a_post_that_waits_for_its_channel()
    {
        var pacer = Pacer(burst: 1);
        var steps = new StepRunner(_time);
        var first = steps.Start(() => pacer.PostAsync("C1", _ => Task.FromResult(1), CancellationToken.None));
        var paced = steps.Start(() => pacer.PostAsync("C1", _ => Task.FromResult(2), CancellationToken.None));
        var update = steps.Start(() => pacer.UpdateAsync(_ => Task.FromResult(3), CancellationToken.None));
        Assert.Equal([true, false, true], new Task[] { first, paced, update }.Select(t => t.IsCompleted));
        steps.Advance(TimeSpan.FromSeconds(1));
        Assert.True(paced.IsCompleted);
    }

    private sealed class StaticOptionsMonitor(SlackOptions value) : IOptionsMonitor<SlackOptions>
    {
        public SlackOptions CurrentValue => value;

        public SlackOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<SlackOptions, string?> listener) => null;
    }
}
