using ChatOps.Core.Checks;
using ChatOps.Core.Runs;

namespace ChatOps.Core.Runbooks;

/// <summary>A change to the platform, offered as a button that needs approval.</summary>
public sealed record MitigationDefinition(
    string Id,
    string Title,
    string When,
    bool Emergency,
    MitigationAction Action,
    string? FollowUp);

/// <summary>What a mitigation does, by kind; <see cref="Target"/> names the configured system it changes.</summary>
public abstract record MitigationAction(string Kind, string Target)
{
    public abstract string Describe();
}

/// <summary>Replicas of a deployment: relative (<c>+2</c>, <c>-1</c>) or absolute (<c>6</c>).</summary>
public sealed record ScaleAction(string Target, string Deployment, string Replicas) : MitigationAction("scale", Target)
{
    public override string Describe() => $"scale deployment {Deployment} to replicas {Replicas}";
}

public sealed record SetFlagAction(string Target, string Flag, string Value) : MitigationAction("set-flag", Target)
{
    public override string Describe() => $"set {Flag}={Value}";
}

/// <summary>
/// A user id or IP address onto the blocklist; the subject is chosen when the mitigation is requested, from
/// <see cref="Candidates"/> (what the runbook's checks found) or typed.
/// </summary>
public sealed record BlockAction(string Target, TimeSpan? Expiry) : MitigationAction("block", Target)
{
    /// <summary>Columns of check results whose latest values are offered as subjects, best first.</summary>
    public IReadOnlyList<CandidateColumn> Candidates { get; init; } = [];

    public override string Describe() => Expiry is { } e ? $"block a user or IP for {DurationText.Format(e)}" : "block a user or IP";
}

/// <summary>A column of a check's result rows (<c>top-users</c>' <c>user_id</c>) that names possible subjects.</summary>
public sealed record CandidateColumn(string Check, string Column);

public sealed record RollbackAction(string Target, string Deployment) : MitigationAction("rollback", Target)
{
    public override string Describe() => $"roll deployment {Deployment} back to its previous revision";
}

/// <summary>Steps a person carries out; the bot records that they were done but changes nothing itself.</summary>
public sealed record ManualAction(string Steps) : MitigationAction("manual", "")
{
    public override string Describe() => Steps;
}
