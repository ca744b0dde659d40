namespace ChatOps.Core.Chat;

/// <summary>The platform refused or failed a post (an API error, a rate limit that outlasted its retries, a timeout).</summary>
public class ChatSurfaceException : Exception
{
    public ChatSurfaceException() { }

    public ChatSurfaceException(string message) : base(message) { }

    public ChatSurfaceException(string message, Exception inner) : base(message, inner) { }
}
