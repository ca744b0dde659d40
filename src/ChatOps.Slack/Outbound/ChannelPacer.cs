using System.Collections.Concurrent;
using ChatOps.Core.Pacing;
using Microsoft.Extensions.Options;

namespace ChatOps.Slack.Outbound;

/// <summary>
/// Lanes for Slack's rate limits (https://docs.slack.dev/apis/web-api/rate-limits). Posts go through one lane per
/// channel: strictly in the order they were made, each finishing (retries included) before the next starts, so posts in
/// a thread keep their order even when one waits out a 429; each spends a token of the channel's bucket, a short burst
/// and then about one per second, as <c>chat.postMessage</c> allows. Updates go through one lane for the workspace,
/// since <c>chat.update</c> is limited per workspace (Tier 3, about 50 a minute) and not per channel: an update never
/// waits behind a post that waits for its channel's token, and a post never waits behind an update.
/// The lanes order this process's calls; the tokens come from <see cref="IPaceTokens"/>, whose buckets replicas share
/// when Redis is configured, since Slack counts every replica's calls against the same limits.
/// </summary>
internal sealed class ChannelPacer(IOptionsMonitor<SlackOptions> options, TimeProvider time, IPaceTokens tokens)
{
    private const string UpdateLane = "slack:update";
    private readonly ConcurrentDictionary<string, PacedLane> _channels = new(StringComparer.Ordinal);
    private readonly PacedLane _updates = new(UpdateLane, tokens, time);

    /// <summary>A pacer whose buckets live in this process only.</summary>
    public ChannelPacer(IOptionsMonitor<SlackOptions> options, TimeProvider time)
        : this(options, time, new InProcessPaceTokens(time))
    {
    }

    /// <summary>A post into <paramref name="channel"/>: a message, an ephemeral, a file shared there.</summary>
    public Task<T> PostAsync<T>(string channel, Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var lane = _channels.GetOrAdd(channel, c => new PacedLane("slack:post:" + c, tokens, time));
        return lane.RunAsync(settings.PostBurst, settings.PostInterval, operation, cancellationToken);
    }

    /// <summary>An update of a message posted earlier, anywhere in the workspace.</summary>
    public Task<T> UpdateAsync<T>(Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        return _updates.RunAsync(settings.UpdateBurst, settings.UpdateInterval, operation, cancellationToken);
    }
}
