using ChatOps.Core.Chat;

namespace ChatOps.Teams.Outbound;

/// <summary>A Bot Connector call that Teams refused or that failed after every retry, or a token the bot could not get.</summary>
internal sealed class TeamsConnectorException : ChatSurfaceException
{
    public TeamsConnectorException(string message, int? status = null) : base(message) => Status = status;

    public TeamsConnectorException(string message, Exception inner) : base(message, inner) { }

    /// <summary>The HTTP status the connector answered, when it answered.</summary>
    public int? Status { get; }
}
