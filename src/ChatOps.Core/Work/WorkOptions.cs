using System.ComponentModel.DataAnnotations;

namespace ChatOps.Core.Work;

/// <summary>Configuration section <c>Work</c>: how the durable background work is run.</summary>
public sealed class WorkOptions
{
    public const string SectionName = "Work";

    /// <summary>Items run at the same time by this replica (items with one ordering key always run one at a time).</summary>
    [Range(1, 256, ErrorMessage = "Work:Concurrency must be between {1} and {2}.")]
    public int Concurrency { get; set; } = 4;

    /// <summary>How long an item is held without renewal; after a crash another replica takes it once this has passed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Work:Lease must be between {1} and {2}.")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the store is asked for ready items when nothing woke the runner sooner (other replicas' items, retries).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00", ErrorMessage = "Work:Poll must be between {1} and {2}.")]
    public TimeSpan Poll { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Attempts before an item is parked as dead.</summary>
    [Range(1, 100, ErrorMessage = "Work:MaxAttempts must be between {1} and {2}.")]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The first retry's delay; each further retry doubles it (with jitter), up to <see cref="MaxBackoff"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", ErrorMessage = "Work:Backoff must be between {1} and {2}.")]
    public TimeSpan Backoff { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", ErrorMessage = "Work:MaxBackoff must be between {1} and {2}.")]
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// On SIGTERM, how long running items may finish before they are handed back; keep it below the platform's own
    /// termination grace (Kubernetes' <c>terminationGracePeriodSeconds</c>, 30 s by default).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00", ErrorMessage = "Work:ShutdownGrace must be between {1} and {2}.")]
    public TimeSpan ShutdownGrace { get; set; } = TimeSpan.FromSeconds(20);
}
