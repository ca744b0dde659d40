namespace ChatOps.Slack.SocketMode;

/// <summary>
/// Waits between failed attempts to connect: doubling from <see cref="Initial"/> up to <see cref="Cap"/>, each wait
/// somewhere between half and all of its step so that several connections (or replicas) do not retry in step.
/// </summary>
internal sealed class ReconnectBackoff(Random random)
{
    public static readonly TimeSpan Initial = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan Cap = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a connection must have lasted for its loss to start the waits again from <see cref="Initial"/>. A socket
    /// that dies right after <c>hello</c> must not make the bot hammer apps.connections.open, which Slack rate-limits.
    /// </summary>
    public static readonly TimeSpan HealthyAfter = TimeSpan.FromSeconds(30);

    private int _failures;

    public TimeSpan Next()
    {
        var step = Initial * Math.Pow(2, Math.Min(_failures, 16));
        if (step > Cap) step = Cap;
        _failures++;
        return step * (0.5 + (random.NextDouble() / 2));
    }

    public void Reset() => _failures = 0;
}
