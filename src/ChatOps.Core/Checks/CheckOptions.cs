namespace ChatOps.Core.Checks;

/// <summary>Configuration section <c>Checks</c>.</summary>
public sealed class CheckOptions
{
    public const string SectionName = "Checks";

    /// <summary>The timeout of a check that sets none.</summary>
    public TimeSpan DefaultTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
