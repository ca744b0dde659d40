using Microsoft.AspNetCore.Http;

namespace ChatOps.Host;

/// <summary>
/// <c>healthcheck [url]</c>: asks a running host's <c>/healthz</c> and exits 0 on 200, 1 otherwise. The container image's
/// HEALTHCHECK runs it, since the chiseled image has no shell and no curl. Without a URL it asks the address the host
/// listens on in that environment: the first of <c>ASPNETCORE_URLS</c>, else <c>ASPNETCORE_HTTP_PORTS</c>.
/// </summary>
internal static class HealthcheckCommand
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter errors)
    {
        if (args.Count > 1 || (args.Count == 1 && !Uri.TryCreate(args[0], UriKind.Absolute, out _)))
        {
            await errors.WriteLineAsync("usage: healthcheck [http://host:port/healthz]");
            return 2;
        }
        var url = args.Count == 1 ? new Uri(args[0]) : Listening();
        using var client = new HttpClient { Timeout = Timeout };
        try
        {
            using var response = await client.GetAsync(url);
            if (response.IsSuccessStatusCode) return 0;
            await errors.WriteLineAsync($"healthcheck: {url} answered {(int)response.StatusCode}.");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            await errors.WriteLineAsync($"healthcheck: {url} did not answer: {e.Message}");
        }
        return 1;
    }

    /// <summary>This machine's <c>/healthz</c> on the port the host binds: a wildcard host is reached through loopback.</summary>
    private static Uri Listening()
    {
        var urls = Environment.GetEnvironmentVariable("ASPNETCORE_URLS");
        var ports = Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS");
        const StringSplitOptions Entries = StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries;
        var binding = !string.IsNullOrWhiteSpace(urls) ? urls.Split(';', Entries)[0]
            : !string.IsNullOrWhiteSpace(ports) ? $"http://*:{ports.Split(';', Entries)[0]}"
            : "http://localhost:5000";
        var address = BindingAddress.Parse(binding);
        var host = address.Host is "*" or "+" or "0.0.0.0" or "[::]" ? "127.0.0.1" : address.Host;
        return new UriBuilder(address.Scheme, host, address.Port, "/healthz").Uri;
    }
}
