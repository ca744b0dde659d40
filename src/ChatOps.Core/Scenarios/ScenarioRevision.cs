namespace ChatOps.Core.Scenarios;

/// <summary>One revision of a deployment's rollout history and the image its pod template runs.</summary>
public sealed record ScenarioRevision(long Number, string Image);
