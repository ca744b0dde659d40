namespace ChatOps.Host.Health;

/// <summary>
/// What the host knows of its store since start: whether the schema is migrated (work waits for it), why not yet, and
/// what the structure check after migrating found.
/// </summary>
internal sealed class StorageStatus
{
    private readonly TaskCompletionSource _migrated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile string? _problem;
    private volatile string? _unreachable;

    /// <summary>What the structure check found at start: null when the store is sound.</summary>
    public string? Problem
    {
        get => _problem;
        set => _problem = value;
    }

    /// <summary>Why the last attempt to migrate failed, while the host waits for the store.</summary>
    public string? Unreachable
    {
        get => _unreachable;
        set => _unreachable = value;
    }

    public bool IsMigrated => _migrated.Task.IsCompleted;

    /// <summary>Completes once the schema is up to date; nothing is taken from the work queue before.</summary>
    public Task WhenMigrated => _migrated.Task;

    public void MarkMigrated()
    {
        _unreachable = null;
        _migrated.TrySetResult();
    }
}
