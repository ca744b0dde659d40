using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace ChatOps.Teams.Inbound;

/// <summary>
/// The channel's signing keys and their endorsements, from its OpenID metadata, cached. Refreshed at least once a day
/// (the Bot Framework's rule) and at once when a token names a key the cache lacks, as when the channel rotates keys.
/// </summary>
/// <remarks>
/// Not <c>ConfigurationManager&lt;OpenIdConnectConfiguration&gt;</c>: since IdentityModel 8 its <c>RequestRefresh</c>
/// refetches in the background and the next read still returns the old keys, so "refresh, then retry once" would
/// refuse the first tokens signed with a rotated key. The fetch itself is IdentityModel's
/// (<see cref="OpenIdConnectConfigurationRetriever"/> over <see cref="HttpDocumentRetriever"/>); only the caching is ours.
/// </remarks>
internal sealed partial class ChannelKeys(IHttpClientFactory clients, IOptionsMonitor<TeamsOptions> options, TimeProvider time, ILogger<ChannelKeys> logger) : IDisposable
{
    public const string HttpClientName = "ChatOps.Teams.OpenIdMetadata";

    /// <summary>"Refresh the keys doc at least once every 24 hours" (bot-framework-rest-connector-authentication).</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromHours(24);

    /// <summary>
    /// Unknown key ids refetch at most this often, so that tokens naming made-up keys cannot make the bot hammer the
    /// metadata; the first one always does. Also the wait before trying again after a failed daily refresh.
    /// </summary>
    public static readonly TimeSpan RefetchInterval = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _lock = new(1, 1);
    private ChannelKeySet? _current;
    private DateTimeOffset? _lastUnknownKeyFetch;

    /// <summary>The keys, fetched first if there are none or they are a day old; throws <see cref="ChannelKeysUnavailableException"/> when there are none to give.</summary>
    public async Task<ChannelKeySet> GetAsync(CancellationToken cancellationToken)
    {
        if (_current is { } current && time.GetUtcNow() < current.RefreshAfter) return current;
        await _lock.WaitAsync(cancellationToken);
        try
        {
            // Another request may have fetched while this one waited.
            if (_current is { } fresh && time.GetUtcNow() < fresh.RefreshAfter) return fresh;
            return await FetchAsync(cancellationToken);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>The keys again when <paramref name="seen"/> lacks <paramref name="keyId"/>: fetched once now unless fetched for an unknown key lately.</summary>
    public async Task<ChannelKeySet> GetWithKeyAsync(ChannelKeySet seen, string keyId, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } current && !ReferenceEquals(current, seen) && current.Has(keyId)) return current;
            var now = time.GetUtcNow();
            if (_lastUnknownKeyFetch is { } last && now - last < RefetchInterval) return _current ?? seen;
            _lastUnknownKeyFetch = now;
            LogUnknownKey(keyId);
            return await FetchAsync(cancellationToken);
        }
        finally
        {
            _lock.Release();
        }
    }

    private async Task<ChannelKeySet> FetchAsync(CancellationToken cancellationToken)
    {
        var url = options.CurrentValue.ToBotFromChannelOpenIdMetadataUrl;
        var now = time.GetUtcNow();
        try
        {
            var documents = new HttpDocumentRetriever(clients.CreateClient(HttpClientName)) { RequireHttps = !IsLoopback(url) };
            var configuration = await OpenIdConnectConfigurationRetriever.GetAsync(url, documents, cancellationToken);
            _current = ChannelKeySet.From(configuration, now + MaxAge);
            LogFetched(url, _current.Count);
            return _current;
        }
        catch (Exception e) when (e is IOException or HttpRequestException or InvalidOperationException or ArgumentException or JsonException)
        {
            if (_current is null) throw new ChannelKeysUnavailableException($"The channel's OpenID metadata at {url} could not be read.", e);
            // Stale keys are better than none: the channel rotates rarely, and every token is still checked against them.
            LogStale(e, url);
            _current = _current with { RefreshAfter = now + RefetchInterval };
            return _current;
        }
    }

    public void Dispose() => _lock.Dispose();

    /// <summary>Plain HTTP only for a local identity provider (tests, a development tunnel's stand-in); the cloud's is HTTPS.</summary>
    internal static bool IsLoopback(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip)));

    [LoggerMessage(Level = LogLevel.Information, Message = "Read {Count} Teams channel signing keys from {Url}")]
    private partial void LogFetched(string url, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "A Teams token names signing key {KeyId}, which the cached keys lack; reading the keys again")]
    private partial void LogUnknownKey(string keyId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Teams channel's signing keys at {Url} could not be refreshed; the cached ones stay in use")]
    private partial void LogStale(Exception exception, string url);
}
