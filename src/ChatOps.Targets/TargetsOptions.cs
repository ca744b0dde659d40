namespace ChatOps.Targets;

/// <summary>Configuration section <c>Targets</c>: what runbook checks reach, by the target name the runbooks use.</summary>
public sealed class TargetsOptions
{
    public const string SectionName = "Targets";

    /// <summary>Targets by name (<c>metrics</c>, <c>platform-db</c>, ...); names compare ignoring case, as configuration keys do.</summary>
    public Dictionary<string, TargetOptions> Targets { get; } = new(StringComparer.OrdinalIgnoreCase);
}
