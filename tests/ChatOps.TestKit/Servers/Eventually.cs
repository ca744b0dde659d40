namespace ChatOps.TestKit.Servers;

/// <summary>Polls a server until it answers as expected: for states that a server reports only when asked (Prometheus data).</summary>
public static class Eventually
{
    public static async Task WaitAsync(Func<Task<bool>> condition, TimeSpan limit, Func<string> describe)
    {
        using var deadline = new CancellationTokenSource(limit);
        while (!await condition())
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Still waiting after {limit}: {describe()}");
            }
        }
    }
}
