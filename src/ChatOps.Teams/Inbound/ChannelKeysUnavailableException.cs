namespace ChatOps.Teams.Inbound;

/// <summary>No signing keys could be read, so no token can be checked: the request is refused as unavailable, not as forged.</summary>
public sealed class ChannelKeysUnavailableException : Exception
{
    public ChannelKeysUnavailableException()
    {
    }

    public ChannelKeysUnavailableException(string message)
        : base(message)
    {
    }

    public ChannelKeysUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
