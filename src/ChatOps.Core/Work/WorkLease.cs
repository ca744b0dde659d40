namespace ChatOps.Core.Work;

/// <summary>An item handed to one runner until the lease runs out; <see cref="Attempt"/> counts from 1.</summary>
public sealed record WorkLease(WorkItem Item, string Owner, int Attempt);
