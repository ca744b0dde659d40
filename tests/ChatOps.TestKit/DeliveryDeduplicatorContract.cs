using ChatOps.Core.Delivery;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.TestKit;

/// <summary>What every <see cref="IDeliveryDeduplicator"/> promises; each implementation's tests derive from this.</summary>
public abstract class DeliveryDeduplicatorContract
{
    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));

    protected abstract Task<IDeliveryDeduplicator> CreateAsync();

    [Fact]
    public async Task A_key_is_claimed_once_within_its_window_and_again_after_it()
    {
        var deduplicator = await CreateAsync();
        var window = TimeSpan.FromMinutes(5);
        Assert.True(await deduplicator.TryClaimAsync("event:Ev1", window, CancellationToken.None));
        Assert.False(await deduplicator.TryClaimAsync("event:Ev1", window, CancellationToken.None));
        Assert.True(await deduplicator.TryClaimAsync("event:Ev2", window, CancellationToken.None));
        Time.Advance(window);
        Assert.True(await deduplicator.TryClaimAsync("event:Ev1", window, CancellationToken.None));
    }

    [Fact]
    public async Task A_released_claim_can_be_taken_again_at_once()
    {
        var deduplicator = await CreateAsync();
        var window = TimeSpan.FromMinutes(5);
        Assert.True(await deduplicator.TryClaimAsync("click:U1:1.0:a", window, CancellationToken.None));
        await deduplicator.ReleaseAsync("click:U1:1.0:a", CancellationToken.None);
        await deduplicator.ReleaseAsync("never-claimed", CancellationToken.None);
        Assert.True(await deduplicator.TryClaimAsync("click:U1:1.0:a", window, CancellationToken.None));
        Assert.False(await deduplicator.TryClaimAsync("click:U1:1.0:a", window, CancellationToken.None));
    }

    [Fact]
    public async Task Of_many_racing_claims_exactly_one_wins()
    {
        var deduplicator = await CreateAsync();
        var claims = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ =>
            Task.Run(async () => await deduplicator.TryClaimAsync("click:U1:1.0:a", TimeSpan.FromMinutes(1), CancellationToken.None))));
        Assert.Equal(1, claims.Count(c => c));
    }
}
