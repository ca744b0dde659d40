using System.Collections.Concurrent;
using ChatOps.Core.Pacing;
using Microsoft.Extensions.Options;

namespace ChatOps.Teams.Outbound;

/// <summary>
/// One lane per Teams channel or chat: its calls run strictly in the order they were made, each finishing (retries
/// included) before the next starts, so posts in a reply chain keep their order even while one waits out a 429; each
/// spends a token of the conversation's bucket (<see cref="TeamsPacingOptions.PostBurst"/>, then one per
/// <see cref="TeamsPacingOptions.PostInterval"/>), since Teams limits a bot per conversation. The tokens come from
/// <see cref="IPaceTokens"/>, shared between replicas when Redis is configured.
/// </summary>
internal sealed class ConversationPacer(IOptionsMonitor<TeamsPacingOptions> options, TimeProvider time, IPaceTokens tokens)
{
    private readonly ConcurrentDictionary<string, PacedLane> _lanes = new(StringComparer.Ordinal);

    public Task<T> RunAsync<T>(string conversation, Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var lane = _lanes.GetOrAdd(conversation, c => new PacedLane("teams:post:" + c, tokens, time));
        return lane.RunAsync(settings.PostBurst, settings.PostInterval, operation, cancellationToken);
    }
}
