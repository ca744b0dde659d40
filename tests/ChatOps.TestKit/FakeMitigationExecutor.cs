using System.Globalization;
using ChatOps.Core.Checks;
using ChatOps.Core.Mitigations;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Runs;

namespace ChatOps.TestKit;

/// <summary>
/// A platform of one value per action target (replicas of a deployment, a flag), kept in memory, for tests of the
/// approval flow; the real executors are tested against Redis and the fake Kubernetes API.
/// </summary>
public sealed class FakeMitigationExecutor(string kind, string initial) : IMitigationExecutor
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _values = [];
    private int _applied;

    public string Kind => kind;

    /// <summary>How many times a change was applied or reverted.</summary>
    public int Changes => _applied;

    public string? FailWith { get; set; }

    /// <summary>Apply throws this after changing the value, as a client that times out after its write landed would.</summary>
    public Exception? CrashAfterWrite { get; set; }

    public string Value(MitigationAction action)
    {
        lock (_gate) return _values.GetValueOrDefault(Key(action), initial);
    }

    /// <summary>Someone else changes the platform, outside the bot.</summary>
    public void Set(MitigationAction action, string value)
    {
        lock (_gate) _values[Key(action)] = value;
    }

    public Task<MitigationPreview> PreviewAsync(MitigationAction action, string? subject, CancellationToken cancellationToken)
    {
        if (FailWith is { } fail) throw new MitigationFailedException(fail);
        var current = Value(action);
        return Task.FromResult(new MitigationPreview(State(action, current), $"{Name(action)} {Next(action, current)}"));
    }

    public Task<MitigationOutcome> ApplyAsync(MitigationAction action, string? subject, CancellationToken cancellationToken)
    {
        if (FailWith is { } fail) throw new MitigationFailedException(fail);
        lock (_gate)
        {
            var before = _values.GetValueOrDefault(Key(action), initial);
            var after = _values[Key(action)] = Next(action, before);
            _applied++;
            if (CrashAfterWrite is { } crash) throw crash;
            return Task.FromResult(new MitigationOutcome(State(action, before), State(action, after)));
        }
    }

    public bool IsUnchanged(MitigationState left, MitigationState live) => left.Values["value"] == live.Values["value"];

    public Task<MitigationOutcome> RevertAsync(MitigationAction action, string? subject, MitigationState before, CancellationToken cancellationToken)
    {
        if (FailWith is { } fail) throw new MitigationFailedException(fail);
        lock (_gate)
        {
            var current = _values.GetValueOrDefault(Key(action), initial);
            _values[Key(action)] = before.Values["value"];
            _applied++;
            return Task.FromResult(new MitigationOutcome(State(action, current), State(action, before.Values["value"])));
        }
    }

    private static string Next(MitigationAction action, string current) => action switch
    {
        ScaleAction { Replicas: var r } when r.StartsWith('+') || r.StartsWith('-') =>
            (int.Parse(current, CultureInfo.InvariantCulture) + int.Parse(r, CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture),
        ScaleAction scale => scale.Replicas,
        SetFlagAction flag => flag.Value,
        _ => "changed",
    };

    private static string Key(MitigationAction action) => action switch
    {
        ScaleAction s => s.Deployment,
        SetFlagAction f => f.Flag,
        RollbackAction r => r.Deployment,
        _ => action.Kind,
    };

    private static string Name(MitigationAction action) => action is ScaleAction ? "replicas" : Key(action);

    private static MitigationState State(MitigationAction action, string value) =>
        new($"{Name(action)} {value}", new Dictionary<string, string> { ["value"] = value });
}
