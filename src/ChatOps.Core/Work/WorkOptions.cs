using System.ComponentModel.DataAnnotations;

namespace ChatOps.Core.Work;

/// <summary>Configuration section <c>Work</c>: how the background work is run.</summary>
public sealed class WorkOptions
{
    public const string SectionName = "Work";

    /// <summary>Items waiting at most in the in-process queue; past it an acknowledgement waits for room.</summary>
    [Range(1, 1_000_000)]
    public int Capacity { get; set; } = 10_000;

    /// <summary>Items run at the same time (items with one ordering key always run one at a time).</summary>
    [Range(1, 256)]
    public int Concurrency { get; set; } = 4;
}
