namespace ChatOps.Core.Work;

/// <summary>The single owner of one <see cref="WorkItem.Kind"/>.</summary>
public interface IWorkHandler
{
    string Kind { get; }

    Task RunAsync(WorkItem item, CancellationToken cancellationToken);
}
