namespace ChatOps.Host.Tests;

/// <summary>The host on a real loopback socket (a free port), as a browser needs it.</summary>
public sealed class KestrelChatOpsFactory : ChatOpsFactory
{
    public KestrelChatOpsFactory() => UseKestrel(0);
}
