using System.Collections.Concurrent;
using ChatOps.Core.Access;
using ChatOps.Core.Chat;
using ChatOps.Core.Incidents;
using ChatOps.Core.Messages;

namespace ChatOps.TestKit;

/// <summary>A chat surface that keeps what was posted, for assertions; message ids are m1, m2, ...</summary>
public sealed class RecordingChatSurface(string platform = RecordingChatSurface.DefaultPlatform) : IChatSurface
{
    public const string DefaultPlatform = "test";
    private readonly Lock _gate = new();
    private readonly List<(Func<IReadOnlyList<Posted>, bool> Condition, TaskCompletionSource Signal)> _waiters = [];
    private int _next;

    public string Platform => platform;

    public ConcurrentQueue<Posted> Posts { get; } = new();

    private string? _failOn;

    /// <summary>From now on, posts and updates whose text contains <paramref name="text"/> fail as a platform error would.</summary>
    public void FailPostsContaining(string text) => _failOn = text;

    public Task<PostedMessage> PostAsync(ChatPlace place, ChatMessage message, CancellationToken cancellationToken)
    {
        if (_failOn is { } fail && MessageText.Of(message).Contains(fail, StringComparison.Ordinal))
            return Task.FromException<PostedMessage>(new ChatSurfaceException($"post refused (scripted): {message.Summary}"));
        var id = $"m{Interlocked.Increment(ref _next)}";
        Record(new Posted(PostKind.Message, place, id, null, message));
        return Task.FromResult(new PostedMessage(place, id));
    }

    private Task? _updatesHeld;

    /// <summary>
    /// From now on, updates are recorded when made but finish only once the returned action is called, as if each
    /// were long on its way: for what happens while one is in flight.
    /// </summary>
    public Action HoldUpdates()
    {
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _updatesHeld = held.Task;
        return () =>
        {
            _updatesHeld = null;
            held.TrySetResult();
        };
    }

    public Task UpdateAsync(PostedMessage posted, ChatMessage message, CancellationToken cancellationToken)
    {
        if (_failOn is { } fail && MessageText.Of(message).Contains(fail, StringComparison.Ordinal))
            return Task.FromException(new ChatSurfaceException($"update refused (scripted): {message.Summary}"));
        Record(new Posted(PostKind.Update, posted.Place, posted.MessageId, null, message));
        return _updatesHeld ?? Task.CompletedTask;
    }

    public Task PostPrivateAsync(ChatPlace place, PersonId person, ChatMessage message, CancellationToken cancellationToken)
    {
        Record(new Posted(PostKind.Private, place, null, person.User, message));
        return Task.CompletedTask;
    }

    /// <summary>Completes once the posts so far satisfy <paramref name="condition"/>: a signal to await instead of a sleep.</summary>
    public Task WaitUntilAsync(Func<IReadOnlyList<Posted>, bool> condition)
    {
        lock (_gate)
        {
            if (condition([.. Posts])) return Task.CompletedTask;
            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((condition, signal));
            return signal.Task;
        }
    }

    private void Record(Posted posted)
    {
        lock (_gate)
        {
            Posts.Enqueue(posted);
            List<Posted> snapshot = [.. Posts];
            foreach (var waiter in _waiters.Where(w => w.Condition(snapshot)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Signal.SetResult();
            }
        }
    }

    public sealed record Posted(PostKind Kind, ChatPlace Place, string? MessageId, string? User, ChatMessage Message);

    public enum PostKind
    {
        Message,
        Update,
        Private,
    }
}
