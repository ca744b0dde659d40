using ChatOps.Core.Incidents;
using ChatOps.Core.Mitigations;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Scenarios;

namespace ChatOps.Targets.Simulated;

/// <summary>
/// A mitigation of a drill: reads the simulated state, plans the change as the real executor would, and leaves it to
/// the request's record (see <see cref="SimulatedState"/>); a revert restores the state recorded before, exactly.
/// </summary>
internal abstract class SimulatedMitigation(Incident drill, Scenario scenario, SimulatedState state) : IMitigationExecutor
{
    public abstract string Kind { get; }

    protected Scenario Scenario => scenario;

    public async Task<MitigationPreview> PreviewAsync(MitigationAction action, string? subject, CancellationToken cancellationToken)
    {
        var current = await CurrentAsync(action, subject, cancellationToken);
        return new MitigationPreview(current, Plan(action, subject, current).Description);
    }

    public async Task<MitigationOutcome> ApplyAsync(MitigationAction action, string? subject, CancellationToken cancellationToken)
    {
        var current = await CurrentAsync(action, subject, cancellationToken);
        return new MitigationOutcome(current, Plan(action, subject, current));
    }

    public abstract bool IsUnchanged(MitigationState left, MitigationState live);

    public async Task<MitigationOutcome> RevertAsync(MitigationAction action, string? subject, MitigationState before, CancellationToken cancellationToken) =>
        new(await CurrentAsync(action, subject, cancellationToken), before);

    /// <summary>The state as the scenario declares it, before the drill changed anything.</summary>
    protected abstract MitigationState Initial(MitigationAction action, string? subject);

    /// <summary>The state the action leaves; throws <see cref="MitigationFailedException"/> where the real executor refuses.</summary>
    protected abstract MitigationState Plan(MitigationAction action, string? subject, MitigationState current);

    private Task<MitigationState> CurrentAsync(MitigationAction action, string? subject, CancellationToken cancellationToken) =>
        state.CurrentAsync(drill, SimulatedState.KeyOf(action, subject), () => Initial(action, subject), cancellationToken);
}
