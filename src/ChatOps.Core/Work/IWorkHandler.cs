namespace ChatOps.Core.Work;

/// <summary>The single owner of one <see cref="WorkItem.Kind"/>.</summary>
public interface IWorkHandler
{
    string Kind { get; }

    /// <summary>
    /// Runs the item. A throw is an attempt that failed: the item runs again after a backoff, under the same
    /// <see cref="WorkScope"/>, so what an earlier attempt wrote or posted is not done twice.
    /// </summary>
    Task RunAsync(WorkItem item, CancellationToken cancellationToken);

    /// <summary>The item failed every attempt and is parked as dead: tell the people it was for, in chat.</summary>
    Task GiveUpAsync(WorkItem item, string reason, CancellationToken cancellationToken);
}
