namespace ChatOps.Core.Checks;

/// <summary>Configuration section <c>Checks</c>.</summary>
public sealed class CheckOptions
{
    public const string SectionName = "Checks";

    /// <summary>The longest timeout a check may set; a check is a quick look, not a job.</summary>
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromMinutes(5);

    /// <summary>The timeout of a check that sets none.</summary>
    public TimeSpan DefaultTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
