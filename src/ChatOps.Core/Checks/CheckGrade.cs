namespace ChatOps.Core.Checks;

/// <summary>
/// How a check's answer reads against its thresholds. <see cref="Error"/> means there was no answer to grade: the
/// target failed, or it answered with nothing the thresholds read (no data, see <see cref="CheckResult.IsNoData"/>).
/// </summary>
public enum CheckGrade
{
    Ok,
    Warn,
    Critical,
    Error,
}
