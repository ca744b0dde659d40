namespace ChatOps.Core.Mitigations;

/// <summary>A mitigation that could not be carried out, with a one-line reason for chat; nothing was changed.</summary>
public sealed class MitigationFailedException : Exception
{
    public MitigationFailedException() { }

    public MitigationFailedException(string message) : base(message) { }

    public MitigationFailedException(string message, Exception inner) : base(message, inner) { }
}
