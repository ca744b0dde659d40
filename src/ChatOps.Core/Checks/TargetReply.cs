namespace ChatOps.Core.Checks;

/// <summary>
/// What a target answered one check, in the target kind's own shape, before any grading: a scenario holds one per
/// check, and an executor keeps the one it read with its observation, so that an incident can be replayed as a drill.
/// </summary>
public abstract record TargetReply;
