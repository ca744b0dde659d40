namespace ChatOps.Core.Checks;

/// <summary>How a check's answer reads against its thresholds; <see cref="Error"/> means there was no answer.</summary>
public enum CheckGrade
{
    Ok,
    Warn,
    Critical,
    Error,
}
