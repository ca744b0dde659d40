namespace ChatOps.Core.Checks;

/// <summary>A target that is down, refuses, is not configured, or answers something unreadable; the message is one line for chat.</summary>
public sealed class CheckFailedException : Exception
{
    public CheckFailedException() { }

    public CheckFailedException(string message) : base(message) { }

    public CheckFailedException(string message, Exception inner) : base(message, inner) { }
}
