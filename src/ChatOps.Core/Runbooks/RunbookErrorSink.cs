using ChatOps.Core.Checks;
using ChatOps.Core.Runs;

namespace ChatOps.Core.Runbooks;

/// <summary>Collects the errors of one file so that a run reports all of them, not just the first.</summary>
internal sealed class RunbookErrorSink(string file)
{
    private readonly List<RunbookError> _errors = [];

    public IReadOnlyList<RunbookError> Errors => _errors;

    public int Count => _errors.Count;

    public void Add(int line, string message) => _errors.Add(new RunbookError(file, line, message));
}
