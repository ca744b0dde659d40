using ChatOps.Core.Checks;
using ChatOps.Core.Runbooks;
using ChatOps.Core.Runs;
using Microsoft.Extensions.Options;

namespace ChatOps.Targets;

/// <summary>Finds the configured target a check names, or says in one line why it cannot run.</summary>
internal sealed class TargetDirectory(IOptions<TargetsOptions> options)
{
    public TargetOptions Resolve(CheckDefinition check)
    {
        if (!options.Value.Targets.TryGetValue(check.Target, out var target))
            throw new CheckFailedException($"target '{check.Target}' is not configured");
        var serving = TargetKinds.ServingCheck(check.Kind);
        if (!serving.Contains(target.Kind, StringComparer.OrdinalIgnoreCase))
            throw new CheckFailedException($"target '{check.Target}' is a {target.Kind} target; {check.Kind} checks need a {string.Join(" or ", serving)} target");
        return target;
    }
}
