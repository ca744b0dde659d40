using System.Net;
using Microsoft.AspNetCore.Http;

namespace ChatOps.LocalWorkspace;

/// <summary>What the host's listening addresses mean for the workspace: loopback only, or reachable from elsewhere.</summary>
internal static class ListenAddresses
{
    public static bool IsWildcard(string host) => host is "*" or "+" or "0.0.0.0" or "[::]" or "::";

    public static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    public static bool IsLoopbackOrWildcard(BindingAddress address) => IsLoopback(address.Host) || IsWildcard(address.Host);

    /// <summary>The addresses that other machines can reach (a wildcard or a non-loopback host).</summary>
    public static IReadOnlyList<string> Exposed(IEnumerable<string> addresses) =>
        [.. addresses.Where(a => Parse(a) is not { } b || (!b.IsUnixPipe && !IsLoopback(b.Host)))];

    /// <summary>True when a page opened at one of <paramref name="origins"/> reaches this listening address.</summary>
    public static bool Serves(string address, IEnumerable<string> origins) =>
        Parse(address) is { } listening && origins.Any(o => Uri.TryCreate(o, UriKind.Absolute, out var origin)
            && string.Equals(origin.Scheme, listening.Scheme, StringComparison.OrdinalIgnoreCase)
            && origin.Port == listening.Port
            && (IsWildcard(listening.Host) || (IsLoopback(origin.Host) && IsLoopback(listening.Host))
                || string.Equals(origin.IdnHost, listening.Host.Trim('[', ']'), StringComparison.OrdinalIgnoreCase)));

    public static BindingAddress? Parse(string address)
    {
        try
        {
            return BindingAddress.Parse(address);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
