using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace ChatOps.LocalWorkspace;

/// <summary>
/// Where the bot's <c>/slack/*</c> endpoints are: <c>LocalWorkspace:BotUrl</c>, else the address this host listens on,
/// read from the server (a wildcard as loopback). Never the request's <c>Host</c>, which a rebound name controls.
/// </summary>
internal sealed class BotAddress(IOptionsMonitor<LocalWorkspaceOptions> options, IServer server)
{
    public Uri? Resolve()
    {
        if (options.CurrentValue.BotUrl is { Length: > 0 } configured)
            return new Uri(configured.EndsWith('/') ? configured : configured + "/");
        var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var candidates = listening.Select(ListenAddresses.Parse).OfType<BindingAddress>().Where(a => !a.IsUnixPipe).ToList();
        // Plain HTTP on loopback first: nothing leaves the machine and no certificate is involved.
        var best = candidates
            .OrderBy(a => a.Scheme == "http" ? 0 : 1)
            .ThenBy(a => ListenAddresses.IsLoopbackOrWildcard(a) ? 0 : 1)
            .FirstOrDefault();
        if (best is null) return null;
        var host = ListenAddresses.IsWildcard(best.Host) ? IPAddress.Loopback.ToString() : best.Host;
        return new Uri($"{best.Scheme}://{host}:{best.Port}/");
    }
}
