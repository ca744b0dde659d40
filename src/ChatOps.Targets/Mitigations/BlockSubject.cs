using ChatOps.Core.Commands;
using ChatOps.Core.Mitigations;

namespace ChatOps.Targets.Mitigations;

/// <summary>
/// Who a block names, checked again where it becomes a Redis key: the grammar's rule (<see cref="MitigationSubject"/>),
/// so that nothing else reaches the key even from a request that did not come through the parser.
/// </summary>
internal static class BlockSubject
{
    public static string Normalize(string? subject) =>
        MitigationSubject.TryNormalize(subject, out var normalized, out var error) ? normalized : throw new MitigationFailedException(error);
}
