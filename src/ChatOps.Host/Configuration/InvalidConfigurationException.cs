namespace ChatOps.Host.Configuration;

/// <summary>Configuration or data the host cannot start with; the message says what and where.</summary>
public sealed class InvalidConfigurationException : Exception
{
    public InvalidConfigurationException() { }

    public InvalidConfigurationException(string message) : base(message) { }

    public InvalidConfigurationException(string message, Exception inner) : base(message, inner) { }
}
