namespace ChatOps.Storage;

/// <summary>What the host asks of the configured store, whichever it is: bring its schema up to date, and is it ready.</summary>
public interface IStorageSchema
{
    /// <summary>Where the store is, without credentials: for logs and readiness.</summary>
    string Description { get; }

    /// <summary>The setting that chose it, named when it cannot be used.</summary>
    string Setting { get; }

    /// <summary>
    /// True for a server that may be down for a while and come back: the host waits for it instead of stopping. False
    /// for a file, where failing at start means the setting is wrong.
    /// </summary>
    bool WaitsForServer { get; }

    /// <summary>Brings the schema up to date; safe to run from several replicas at once.</summary>
    Task MigrateAsync(CancellationToken cancellationToken);

    /// <summary>Null when the store's structure is sound, else what was found. Run once, after migrating.</summary>
    Task<string?> QuickCheckAsync(CancellationToken cancellationToken);

    /// <summary>Commits a write now; throws what says why not.</summary>
    Task ProbeWriteAsync(CancellationToken cancellationToken);

    /// <summary>Whether <paramref name="exception"/> says the store cannot be reached, opened or written (rather than a bug).</summary>
    bool IsStorageFailure(Exception exception);
}
