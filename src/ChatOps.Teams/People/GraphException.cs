namespace ChatOps.Teams.People;

/// <summary>A Microsoft Graph call that failed after its retries, or a Graph token the bot could not get; the message says which and why.</summary>
internal sealed class GraphException : Exception
{
    public GraphException(string message) : base(message) { }

    public GraphException(string message, Exception inner) : base(message, inner) { }
}
