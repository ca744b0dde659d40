using System.Collections.Concurrent;
using ChatOps.Core.Work;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.TestKit;

/// <summary>What every <see cref="IWorkQueue"/> promises; each implementation's tests derive from this.</summary>
public abstract class WorkQueueContract
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));

    /// <summary><paramref name="count"/> queues sharing one store, as replicas do; their clock is <see cref="Time"/>.</summary>
    protected abstract Task<IWorkQueue[]> CreateReplicasAsync(int count);

    private async Task<IWorkQueue> CreateAsync() => (await CreateReplicasAsync(1))[0];

    private static WorkItem Item(string? order = null, string? delivery = null, string payload = "{}") => new("test.kind", payload, order, delivery);

    [Fact]
    public async Task An_item_is_leased_to_one_runner_with_its_payload_and_a_first_attempt()
    {
        var queue = await CreateAsync();
        var item = Item("slack:C1", "slack:event:Ev1", """{"text":"note ünïcode"}""");
        Assert.True(await queue.EnqueueAsync(item, default));

        var lease = await queue.TakeAsync("a", Lease, default);
        Assert.NotNull(lease);
        Assert.Equal((item.Id, item.Kind, item.Payload, item.OrderingKey, item.DeliveryKey, 1),
            (lease.Item.Id, lease.Item.Kind, lease.Item.Payload, lease.Item.OrderingKey, lease.Item.DeliveryKey, lease.Attempt));
        Assert.Equal(Time.GetUtcNow(), lease.Item.EnqueuedAt);
        Assert.Null(await queue.TakeAsync("b", Lease, default));
    }

    [Fact]
    public async Task An_item_keeps_the_trace_it_was_enqueued_in_and_one_without_has_none()
    {
        var queue = await CreateAsync();
        const string TraceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        Assert.True(await queue.EnqueueAsync(Item("slack:C1") with { TraceParent = TraceParent }, default));
        Assert.True(await queue.EnqueueAsync(Item("slack:C2"), default));

        var traced = await queue.TakeAsync("a", Lease, default);
        var untraced = await queue.TakeAsync("b", Lease, default);
        Assert.Equal(TraceParent, traced!.Item.TraceParent);
        Assert.Null(untraced!.Item.TraceParent);
    }

    [Fact]
    public async Task A_repeated_delivery_is_stored_once_even_after_it_ran()
    {
        var queue = await CreateAsync();
        Assert.True(await queue.EnqueueAsync(Item(delivery: "slack:command:T1"), default));
        Assert.False(await queue.EnqueueAsync(Item(delivery: "slack:command:T1"), default));
        await queue.CompleteAsync((await queue.TakeAsync("a", Lease, default))!, default);
        Assert.False(await queue.EnqueueAsync(Item(delivery: "slack:command:T1"), default));
        Assert.True(await queue.EnqueueAsync(Item(), default));
        Assert.True(await queue.EnqueueAsync(Item(), default));
    }

    [Fact]
    public async Task Items_of_one_ordering_key_are_handed_out_one_at_a_time_in_order()
    {
        var queue = await CreateAsync();
        var (a1, a2, b1) = (Item("a"), Item("a"), Item("b"));
        foreach (var item in new[] { a1, a2, b1 }) await queue.EnqueueAsync(item, default);

        var first = await queue.TakeAsync("r", Lease, default);
        var second = await queue.TakeAsync("r", Lease, default);
        Assert.Equal([a1.Id, b1.Id], [first!.Item.Id, second!.Item.Id]);
        Assert.Null(await queue.TakeAsync("r", Lease, default));

        await queue.CompleteAsync(first, default);
        Assert.Equal(a2.Id, (await queue.TakeAsync("r", Lease, default))?.Item.Id);
    }

    [Fact]
    public async Task An_expired_lease_goes_to_another_runner_and_the_first_can_no_longer_renew_or_complete_it()
    {
        var queue = await CreateAsync();
        var item = Item("a");
        await queue.EnqueueAsync(item, default);
        var crashed = (await queue.TakeAsync("crashed", Lease, default))!;

        Time.Advance(Lease - TimeSpan.FromSeconds(1));
        Assert.Null(await queue.TakeAsync("other", Lease, default));
        Time.Advance(TimeSpan.FromSeconds(1));
        var taken = await queue.TakeAsync("other", Lease, default);
        Assert.Equal((item.Id, 2), (taken?.Item.Id, taken?.Attempt));

        Assert.False(await queue.RenewAsync(crashed, Lease, default));
        await queue.CompleteAsync(crashed, default);
        Assert.Equal(1, (await queue.DepthAsync(default)).Running);
        Assert.True(await queue.RenewAsync(taken!, Lease, default));
    }

    [Fact]
    public async Task A_renewed_lease_is_kept_past_its_first_expiry()
    {
        var queue = await CreateAsync();
        await queue.EnqueueAsync(Item(), default);
        var lease = (await queue.TakeAsync("a", Lease, default))!;
        Time.Advance(Lease / 2);
        Assert.True(await queue.RenewAsync(lease, Lease, default));
        Time.Advance(Lease * 3 / 4);
        Assert.Null(await queue.TakeAsync("b", Lease, default));
    }

    [Fact]
    public async Task A_retried_item_waits_its_delay_and_keeps_its_place_in_its_order()
    {
        var queue = await CreateAsync();
        var (first, second) = (Item("a"), Item("a"));
        await queue.EnqueueAsync(first, default);
        await queue.EnqueueAsync(second, default);
        await queue.RetryAsync((await queue.TakeAsync("r", Lease, default))!, "chat down", TimeSpan.FromSeconds(5), default);

        Assert.Null(await queue.TakeAsync("r", Lease, default));
        Time.Advance(TimeSpan.FromSeconds(5));
        var again = await queue.TakeAsync("r", Lease, default);
        Assert.Equal((first.Id, 2), (again?.Item.Id, again?.Attempt));
    }

    [Fact]
    public async Task A_buried_item_is_counted_dead_and_no_longer_holds_up_its_order()
    {
        var queue = await CreateAsync();
        var (poison, next) = (Item("a"), Item("a"));
        await queue.EnqueueAsync(poison, default);
        await queue.EnqueueAsync(next, default);
        await queue.BuryAsync((await queue.TakeAsync("r", Lease, default))!, "handler threw", default);

        Assert.Equal(next.Id, (await queue.TakeAsync("r", Lease, default))?.Item.Id);
        Assert.Equal(1, (await queue.DepthAsync(default)).Dead);
    }

    [Fact]
    public async Task A_released_item_is_ready_at_once_and_the_attempt_is_not_counted()
    {
        var queue = await CreateAsync();
        await queue.EnqueueAsync(Item("a"), default);
        await queue.ReleaseAsync((await queue.TakeAsync("stopping", Lease, default))!, default);
        Assert.Equal(1, (await queue.TakeAsync("other", Lease, default))?.Attempt);
    }

    [Fact]
    public async Task Depth_counts_waiting_running_and_dead_and_the_oldest_waiting()
    {
        var queue = await CreateAsync();
        var start = Time.GetUtcNow();
        await queue.EnqueueAsync(Item(), default);
        Time.Advance(TimeSpan.FromSeconds(1));
        await queue.EnqueueAsync(Item(), default);
        await queue.EnqueueAsync(Item(), default);
        await queue.TakeAsync("r", Lease, default);
        Assert.Equal(new WorkQueueDepth(2, 1, 0, start + TimeSpan.FromSeconds(1)), await queue.DepthAsync(default));
    }

    [Fact]
    public async Task Pruning_forgets_old_finished_items_only()
    {
        var queue = await CreateAsync();
        await queue.EnqueueAsync(Item(delivery: "old"), default);
        await queue.EnqueueAsync(Item(delivery: "waiting"), default);
        await queue.CompleteAsync((await queue.TakeAsync("r", Lease, default))!, default);
        Time.Advance(TimeSpan.FromHours(2));

        Assert.True(await queue.PruneAsync(TimeSpan.FromHours(1), default) >= 1);
        Assert.True(await queue.EnqueueAsync(Item(delivery: "old"), default));
        Assert.False(await queue.EnqueueAsync(Item(delivery: "waiting"), default));
    }

    [Fact]
    public async Task Replicas_racing_for_items_take_each_once_and_keep_each_keys_order()
    {
        var replicas = await CreateReplicasAsync(2);
        const int keys = 5, perKey = 30;
        for (var n = 0; n < perKey; n++)
            for (var k = 0; k < keys; k++) await replicas[n % 2].EnqueueAsync(Item($"k{k}", payload: n.ToString(System.Globalization.CultureInfo.InvariantCulture)), default);

        var seen = new ConcurrentDictionary<string, ConcurrentQueue<int>>();
        var taken = 0;
        await Task.WhenAll(Enumerable.Range(0, 6).Select(runner => Task.Run(async () =>
        {
            var queue = replicas[runner % 2];
            while (Volatile.Read(ref taken) < keys * perKey)
            {
                if (await queue.TakeAsync($"runner{runner}", Lease, default) is not { } lease)
                {
                    await Task.Yield();
                    continue;
                }
                seen.GetOrAdd(lease.Item.OrderingKey!, _ => new()).Enqueue(int.Parse(lease.Item.Payload, System.Globalization.CultureInfo.InvariantCulture));
                Interlocked.Increment(ref taken);
                await queue.CompleteAsync(lease, default);
            }
        })));

        Assert.Equal(keys * perKey, taken);
        foreach (var order in seen.Values) Assert.Equal(Enumerable.Range(0, perKey), order);
    }
}
