using ChatOps.Core.Messages;

namespace ChatOps.Core.Runs;

/// <summary>
/// Keeps a posted message showing the latest state: at most one update is on its way at a time, and states shown
/// meanwhile replace each other, so only the newest follows once the way is free. A burst of results costs one update,
/// and an update that is slow or paced holds up nothing else.
/// </summary>
internal sealed class LatestUpdate(Func<ChatMessage, Task> send)
{
    private readonly Lock _gate = new();
    private ChatMessage? _next;
    private bool _sending;
    private Task _sender = Task.CompletedTask;

    /// <summary>Completes once the newest state shown so far has been sent.</summary>
    public Task Shown => _sender;

    // Called by one flow (the run); only the sender runs beside it.
    public void Show(ChatMessage state)
    {
        lock (_gate)
        {
            _next = state;
            if (_sending) return;
            _sending = true;
        }
        _sender = SendAsync();
    }

    private async Task SendAsync()
    {
        while (true)
        {
            ChatMessage state;
            lock (_gate)
            {
                if (_next is null)
                {
                    _sending = false;
                    return;
                }
                (state, _next) = (_next, null);
            }
            try
            {
                await send(state);
            }
            catch
            {
                lock (_gate) _sending = false;
                throw;
            }
        }
    }
}
