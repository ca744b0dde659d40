using System.ComponentModel.DataAnnotations;

namespace ChatOps.Core.Incidents;

/// <summary>Configuration section <c>Incidents</c>.</summary>
public sealed class IncidentOptions
{
    public const string SectionName = "Incidents";

    /// <summary>The severity of a declaration that names none.</summary>
    public Severity DefaultSeverity { get; set; } = Severity.Sev3;

    /// <summary>IANA or Windows time zone id for times shown in chat and in the postmortem.</summary>
    [Required(ErrorMessage = "Incidents:TimeZone must name a time zone (e.g. UTC, Europe/Berlin).")]
    public string TimeZone { get; set; } = "UTC";
}
