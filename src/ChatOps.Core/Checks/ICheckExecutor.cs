using ChatOps.Core.Runbooks;
using ChatOps.Core.Runs;

namespace ChatOps.Core.Checks;

/// <summary>Runs the checks of one kind against their targets. Read-only; throws <see cref="CheckFailedException"/> when the target cannot answer.</summary>
public interface ICheckExecutor
{
    string Kind { get; }

    Task<CheckObservation> ExecuteAsync(CheckDefinition check, CancellationToken cancellationToken);
}
