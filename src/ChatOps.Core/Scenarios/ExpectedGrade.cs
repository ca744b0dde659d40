using ChatOps.Core.Checks;

namespace ChatOps.Core.Scenarios;

public sealed record ExpectedGrade(string Check, CheckGrade Grade, int Line);
