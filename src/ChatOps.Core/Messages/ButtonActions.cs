using ChatOps.Core.Chat;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Messages;

/// <summary>Action ids of the buttons the core emits; each has exactly one owner.</summary>
public static class ButtonActions
{
    /// <summary>The button's value is a command line, run as if the person who clicked had typed it.</summary>
    public const string Command = "incident.command";

    /// <summary>
    /// The button opens its <see cref="Button.Form"/>; the submitted answers complete the form's command, which then
    /// runs as if the person had typed it. The value is that command without the answers.
    /// </summary>
    public const string Form = "incident.form";

    /// <summary>The answer to a decision-tree question; the value names the incident, runbook, node and answer.</summary>
    public const string Decision = "incident.decision";
}
