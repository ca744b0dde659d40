using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.LocalWorkspace;

/// <summary>
/// Once the server listens, says where the workspace is served, and warns when the host can be reached from other
/// machines or when none of the addresses it listens on is one of the page's origins (the page would be refused).
/// </summary>
internal sealed partial class ListenCheckWorker(
    IServiceProvider services,
    IOptions<LocalWorkspaceOptions> options,
    ILogger<ListenCheckWorker> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // The server binds after hosted services start; its addresses (actual ports included) are known once started.
        // Both are looked up here, not injected, so that the workspace's services also build where no web host runs.
        if (options.Value.Enabled && services.GetService<IHostApplicationLifetime>() is { } lifetime)
            lifetime.ApplicationStarted.Register(Check);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    internal void Check()
    {
        LogServing(options.Value.Origins);
        var addresses = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
        var exposed = ListenAddresses.Exposed(addresses);
        if (exposed.Count > 0 && options.Value.AllowRemote) LogReachable(exposed);
        else if (exposed.Count > 0) LogRefusingRemote(exposed);
        if (addresses.Count > 0 && !addresses.Any(a => ListenAddresses.Serves(a, options.Value.Origins)))
            LogNoOrigin(addresses, options.Value.Origins);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving the local workspace, a development stand-in for Slack, at {Origins}")]
    private partial void LogServing(IEnumerable<string> origins);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The local workspace is on and the host listens on {Addresses}, beyond loopback; " +
        "LocalWorkspace:AllowRemote lets other machines use it. It is a development tool: keep it on loopback")]
    private partial void LogReachable(IEnumerable<string> addresses);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The local workspace is on and the host listens on {Addresses}, beyond loopback; " +
        "requests to the workspace from other machines get 403")]
    private partial void LogRefusingRemote(IEnumerable<string> addresses);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The host listens on {Addresses}, but the local workspace's page is served only " +
        "at {Origins}: add the address you open to LocalWorkspace:Origins")]
    private partial void LogNoOrigin(IEnumerable<string> addresses, IEnumerable<string> origins);
}
