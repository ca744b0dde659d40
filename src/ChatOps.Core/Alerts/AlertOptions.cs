using ChatOps.Core.Incidents;

namespace ChatOps.Core.Alerts;

/// <summary>
/// Configuration section <c>Alerts</c>: where alerts are posted and how they are routed. The webhook's own settings
/// (its token) belong to the door that receives them.
/// </summary>
public sealed class AlertOptions
{
    public const string SectionName = "Alerts";

    /// <summary>The chat place alerts are posted in, written <c>platform:channel</c>: <c>slack:C0123ABCD</c>, <c>teams:19:…@thread.tacv2</c>.</summary>
    public string? Channel { get; set; }

    /// <summary>The adapter's note of how to reach <see cref="Channel"/> (Teams: service URL and tenant), composed by the host.</summary>
    public string? Address { get; set; }

    /// <summary>Routes in order; the first that matches one of a group's alerts decides. A group no route matches is offered.</summary>
    public List<AlertRouteOptions> Routes { get; } = [];

    /// <summary>The place <see cref="Channel"/> names, or null when it names none.</summary>
    public ChatPlace? Place =>
        Channel?.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon && colon < Channel.Length - 1
            ? new ChatPlace(Channel[..colon].Trim(), Channel[(colon + 1)..].Trim(), null, Address)
            : null;
}

/// <summary>One route: Alertmanager-style label matchers (all must hold), and what to do with a group they match.</summary>
public sealed class AlertRouteOptions
{
    public List<string> Matchers { get; } = [];

    /// <summary>The runbook to offer or start; unset, the runbook whose <c>alerts</c> list names the alert.</summary>
    public string? Runbook { get; set; }

    /// <summary><c>Sev1</c>..<c>Sev4</c>; unset, <c>Incidents:DefaultSeverity</c>.</summary>
    public string? Severity { get; set; }

    /// <summary><c>offer</c> (a Declare button, the default) or <c>auto</c> (declared at once).</summary>
    public string? Declare { get; set; }

    /// <summary><c>offer</c> (a Run button, the default) or <c>auto</c> (started once declared).</summary>
    public string? Run { get; set; }
}
