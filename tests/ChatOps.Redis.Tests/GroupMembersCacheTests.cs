namespace ChatOps.Redis.Tests;

public sealed class GroupMembersCacheTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private static readonly TimeSpan Duration = TimeSpan.FromMinutes(1);

    private int _reads;

    private Task<IReadOnlyCollection<string>> ReadFromPlatform(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _reads);
        return Task.FromResult<IReadOnlyCollection<string>>(["U0ALICE001", "U0CAROL001"]);
    }

    [Fact]
    public async Task A_second_lookup_within_the_duration_is_not_read_from_the_platform_and_another_replica_sees_it()
    {
        await using var first = Replica.Of(redis.Server);
        await using var second = Replica.Of(redis.Server);
        var group = "S" + Guid.NewGuid().ToString("N");

        var read = await first.Groups.GetOrLoadAsync("slack", group, Duration, ReadFromPlatform, CancellationToken.None);
        var again = await first.Groups.GetOrLoadAsync("slack", group, Duration, ReadFromPlatform, CancellationToken.None);
        var elsewhere = await second.Groups.GetOrLoadAsync("slack", group, Duration, ReadFromPlatform, CancellationToken.None);

        Assert.Equal(1, _reads);
        Assert.Equal(["U0ALICE001", "U0CAROL001"], read.Order(StringComparer.Ordinal));
        Assert.True(again.SetEquals(read));
        Assert.True(elsewhere.SetEquals(read));
        var ttl = await redis.Server.Admin.GetDatabase().KeyTimeToLiveAsync($"chatops:groups:slack:{group}");
        Assert.InRange(ttl!.Value, TimeSpan.FromTicks(1), Duration);
    }

    [Fact]
    public async Task A_group_without_members_is_kept_too()
    {
        await using var replica = Replica.Of(redis.Server);
        var group = "S" + Guid.NewGuid().ToString("N");

        Task<IReadOnlyCollection<string>> Empty(CancellationToken _)
        {
            Interlocked.Increment(ref _reads);
            return Task.FromResult<IReadOnlyCollection<string>>([]);
        }

        Assert.Empty(await replica.Groups.GetOrLoadAsync("slack", group, Duration, Empty, CancellationToken.None));
        Assert.Empty(await replica.Groups.GetOrLoadAsync("slack", group, Duration, Empty, CancellationToken.None));
        Assert.Equal(1, _reads);
    }

    [Fact]
    public async Task A_failed_read_keeps_nothing_so_the_next_lookup_reads_again()
    {
        await using var replica = Replica.Of(redis.Server);
        var group = "S" + Guid.NewGuid().ToString("N");

        await Assert.ThrowsAsync<HttpRequestException>(() => replica.Groups.GetOrLoadAsync("slack", group, Duration,
            _ => throw new HttpRequestException("slack is down"), CancellationToken.None));
        var read = await replica.Groups.GetOrLoadAsync("slack", group, Duration, ReadFromPlatform, CancellationToken.None);

        Assert.Equal(1, _reads);
        Assert.Contains("U0ALICE001", read);
    }
}
