namespace ChatOps.LocalWorkspace;

/// <summary>The app's signing secret, which the workspace signs with as Slack does; the host says where the bot keeps it.</summary>
internal sealed class SigningSecret(IServiceProvider services, Func<IServiceProvider, string?> source)
{
    public string Value => source(services) ?? string.Empty;
}
