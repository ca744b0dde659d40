namespace ChatOps.Host.Health;

/// <summary>What <c>PRAGMA quick_check</c> found when the host started: null when the database file is sound.</summary>
internal sealed class StorageIntegrity
{
    private volatile string? _problem;

    public string? Problem
    {
        get => _problem;
        set => _problem = value;
    }
}
