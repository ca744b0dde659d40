namespace ChatOps.Targets.Mitigations;

/// <summary>Where a target keeps the platform's runtime flags: a Redis hash or a ConfigMap.</summary>
internal interface IFlagStore
{
    /// <summary>Where the flags live, for people ("Redis hash platform:flags").</summary>
    string Where { get; }

    Task<FlagValue> ReadAsync(string flag, CancellationToken cancellationToken);

    /// <summary>Sets the flag to <paramref name="next"/> (absent: removes it) in one atomic step; returns what it replaced.</summary>
    Task<FlagValue> WriteAsync(string flag, FlagValue next, CancellationToken cancellationToken);
}
