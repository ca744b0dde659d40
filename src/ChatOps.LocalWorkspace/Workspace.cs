using System.Globalization;
using System.Text.Json.Nodes;

namespace ChatOps.LocalWorkspace;

/// <summary>
/// The state of the local Slack-like workspace: one channel, its messages and threads, open modals, uploaded files.
/// It serves the development page and the Slack tests alike: it records every Web API call and answers a method's
/// next call with an error or a 429 on demand. Every change wakes whoever waits for one.
/// </summary>
internal sealed class Workspace(TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly List<LocalMessage> _messages = [];
    private readonly List<RecordedCall> _calls = [];
    private readonly Dictionary<string, LocalView> _views = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _triggers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LocalFile> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<LocalFault>> _faults = new(StringComparer.Ordinal);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _sequence;

    public long Version { get; private set; }

    public TimeProvider Time => time;

    public IReadOnlyList<LocalMessage> Messages
    {
        get { lock (_gate) return [.. _messages]; }
    }

    public IReadOnlyList<RecordedCall> Calls
    {
        get { lock (_gate) return [.. _calls]; }
    }

    public IReadOnlyList<LocalView> Views
    {
        get { lock (_gate) return [.. _views.Values]; }
    }

    public LocalFile? File(string id)
    {
        lock (_gate) return _files.GetValueOrDefault(id);
    }

    /// <summary>The method's next call gets <c>{"ok":false,"error":…}</c>.</summary>
    public void FailNext(string method, string error) => AddFault(method, new LocalFault(200, error, null));

    /// <summary>The method's next call gets a 429 with this <c>Retry-After</c>.</summary>
    public void RateLimitNext(string method, int retryAfterSeconds) =>
        AddFault(method, new LocalFault(429, "ratelimited", retryAfterSeconds));

    /// <summary>The method's next call gets this server error.</summary>
    public void ServerErrorNext(string method, int status = 503) => AddFault(method, new LocalFault(status, null, null));

    /// <summary>Completes once <paramref name="condition"/> holds; it is checked again after every change.</summary>
    public async Task WaitUntilAsync(Func<Workspace, bool> condition, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            lock (_gate) changed = _changed.Task;
            if (condition(this)) return;
            await changed.WaitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Completes when the version passes <paramref name="seen"/>, or after <paramref name="timeout"/> (the page's long
    /// poll).
    /// </summary>
    public async Task WaitForChangeAsync(long seen, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Task changed;
        lock (_gate)
        {
            if (Version != seen) return;
            changed = _changed.Task;
        }
        await Task.WhenAny(changed, Task.Delay(timeout, time, cancellationToken));
    }

    public string NextTs()
    {
        lock (_gate)
        {
            var seconds = time.GetUtcNow().ToUnixTimeSeconds();
            return string.Create(CultureInfo.InvariantCulture, $"{seconds}.{++_sequence % 1_000_000:D6}");
        }
    }

    public string NextId(char prefix)
    {
        lock (_gate) return string.Create(CultureInfo.InvariantCulture, $"{prefix}0{++_sequence:D8}");
    }

    /// <summary>Hands out a trigger id for a user's action, as Slack does with each command or click.</summary>
    public string IssueTrigger(string user) => Change(() =>
    {
        var trigger = string.Create(CultureInfo.InvariantCulture, $"{++_sequence}.{user}.local");
        _triggers[trigger] = user;
        return trigger;
    });

    public string? TriggerUser(string trigger)
    {
        lock (_gate) return _triggers.GetValueOrDefault(trigger);
    }

    public LocalFault? TakeFault(string method)
    {
        lock (_gate) return _faults.TryGetValue(method, out var queue) && queue.TryDequeue(out var fault) ? fault : null;
    }

    public void Record(RecordedCall call) => Change(() => _calls.Add(call with { At = time.GetUtcNow() }));

    public void Add(LocalMessage message) => Change(() => _messages.Add(message));

    public bool Replace(string channel, string ts, Func<LocalMessage, LocalMessage> update) => Change(() =>
    {
        var index = _messages.FindIndex(m => m.Channel == channel && m.Ts == ts && m.VisibleTo is null);
        if (index < 0) return false;
        _messages[index] = update(_messages[index]);
        return true;
    });

    public bool HasMessage(string channel, string ts)
    {
        lock (_gate) return _messages.Exists(m => m.Channel == channel && m.Ts == ts);
    }

    public void PutView(LocalView view) => Change(() => _views[view.Id] = view);

    public void CloseView(string id) => Change(() => _views.Remove(id));

    public LocalView? View(string id)
    {
        lock (_gate) return _views.GetValueOrDefault(id);
    }

    public void PutFile(LocalFile file) => Change(() => _files[file.Id] = file);

    public static JsonNode? Clone(JsonNode? node) => node?.DeepClone();

    private void AddFault(string method, LocalFault fault) => Change(() =>
    {
        if (!_faults.TryGetValue(method, out var queue)) _faults[method] = queue = new Queue<LocalFault>();
        queue.Enqueue(fault);
    });

    private void Change(Action change) => Change(() =>
    {
        change();
        return true;
    });

    private T Change<T>(Func<T> change)
    {
        TaskCompletionSource wake;
        T result;
        lock (_gate)
        {
            result = change();
            Version++;
            wake = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        wake.TrySetResult();
        return result;
    }
}
