using ChatOps.Core.Checks;
using ChatOps.Core.Messages;

namespace ChatOps.Core.Runs;

/// <summary>
/// The posts of a run's findings. Findings that land while a post is on its way, or within <see cref="Spacing"/> of the
/// run's last post (the run message counts), wait and go together in the next. So a burst of findings costs one post,
/// and a run spends its channel's post budget (Slack: a burst of three, then about one a second) no faster than the
/// budget refills: the decision, posted when the last check lands, waits for at most one interval, never behind its own
/// evidence. <see cref="FinishAsync"/> puts whatever findings still wait into the decision's post.
/// </summary>
/// <remarks>Made right after the run message is posted.</remarks>
internal sealed class AttentionPosts(Func<ChatMessage, Task<bool>> post, TimeProvider time, CancellationToken cancellationToken)
{
    /// <summary>At least this long between two posts of findings: the slowest pace a chat platform asks of a channel.</summary>
    public static readonly TimeSpan Spacing = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private readonly List<CheckResult> _waiting = [];
    // Continuations run inline: the pump's wait ends right where the finish is called, without a trip through the thread pool.
    private readonly TaskCompletionSource _finishing = new();
    private bool _pumping;
    private Task _pump = Task.CompletedTask;
    private long _lastPost = time.GetTimestamp();

    // Add and FinishAsync are called by one flow (the run); only the pump runs beside it.
    public void Add(IEnumerable<CheckResult> findings)
    {
        lock (_gate)
        {
            _waiting.AddRange(findings);
            if (_pumping || _waiting.Count == 0) return;
            _pumping = true;
        }
        _pump = PumpAsync();
    }

    /// <summary>Lets a post on its way finish, then posts what still waits with <paramref name="last"/>.</summary>
    public async Task FinishAsync(ChatMessage? last)
    {
        _finishing.TrySetResult();
        await _pump;
        List<CheckResult> rest;
        lock (_gate)
        {
            rest = [.. _waiting];
            _waiting.Clear();
        }
        foreach (var (message, closes) in Findings.Posts(rest, last))
        {
            // A post the platform refuses must not take the decision with it.
            if (!await post(message) && closes && !ReferenceEquals(message, last)) await post(last!);
        }
    }

    private async Task PumpAsync()
    {
        while (true)
        {
            var wait = Spacing - time.GetElapsedTime(_lastPost);
            if (wait > TimeSpan.Zero) await Task.WhenAny(Task.Delay(wait, time, cancellationToken), _finishing.Task);
            List<CheckResult> batch;
            lock (_gate)
            {
                if (_waiting.Count == 0 || _finishing.Task.IsCompleted)
                {
                    _pumping = false;
                    return;
                }
                batch = [.. _waiting];
                _waiting.Clear();
            }
            foreach (var (message, _) in Findings.Posts(batch)) await post(message);
            _lastPost = time.GetTimestamp();
        }
    }
}
