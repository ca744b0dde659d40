using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChatOps.TestKit.Teams;

/// <summary>
/// The Bot Framework channel's identity provider, in memory: its OpenID metadata and a JWKS whose keys carry
/// <c>endorsements</c>, and tokens signed with those keys, shaped as the channel's (issuer, audience = app id,
/// <c>serviceurl</c>). A key can be added later, as when the channel rotates keys.
/// </summary>
public sealed class FakeChannelIdentity : HttpMessageHandler
{
    public const string MetadataUrl = "https://login.channel.test/v1/.well-known/openidconfiguration";
    public const string KeysUrl = "https://login.channel.test/v1/.well-known/keys";
    public const string Issuer = "https://api.botframework.com";
    public const string AppId = "6f1b5f2a-2d3e-4c5b-9a7e-0f1e2d3c4b5a";
    public const string ServiceUrl = "https://smba.trafficmanager.net/amer/";

    private readonly List<(RsaSecurityKey Key, string[] Endorsements)> _published = [];
    private int _keyFetches;

    public FakeChannelIdentity() => Current = Publish("key-1", "msteams");

    /// <summary>The key tokens are signed with unless a test says otherwise.</summary>
    public RsaSecurityKey Current { get; }

    /// <summary>How often the keys document was read.</summary>
    public int KeyFetches => _keyFetches;

    /// <summary>A key that the JWKS lists from now on.</summary>
    public RsaSecurityKey Publish(string keyId, params string[] endorsements)
    {
        var key = NewKey(keyId);
        lock (_published) _published.Add((key, endorsements));
        return key;
    }

    /// <summary>A key the JWKS never lists.</summary>
    public static RsaSecurityKey NewKey(string keyId) => new(RSA.Create(2048)) { KeyId = keyId };

    public string Token(
        SecurityKey? key = null,
        string issuer = Issuer,
        string audience = AppId,
        string? serviceUrl = ServiceUrl,
        DateTime? notBefore = null,
        DateTime? expires = null,
        string algorithm = SecurityAlgorithms.RsaSha256)
    {
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = notBefore ?? now.AddMinutes(-5),
            IssuedAt = (notBefore ?? now.AddMinutes(-5)).AddSeconds(-1),
            Expires = expires ?? now.AddHours(1),
            Claims = serviceUrl is null ? new Dictionary<string, object>() : new Dictionary<string, object> { ["serviceurl"] = serviceUrl },
            SigningCredentials = new SigningCredentials(key ?? Current, algorithm),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>An unsigned token (<c>alg: none</c>) that names a published key.</summary>
    public static string Unsigned(string keyId = "key-1")
    {
        static string Part(object value) => Base64UrlEncoder.Encode(JsonSerializer.SerializeToUtf8Bytes(value));
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return $"{Part(new { alg = "none", typ = "JWT", kid = keyId })}.{Part(new { iss = Issuer, aud = AppId, nbf = now - 60, exp = now + 3600, serviceurl = ServiceUrl })}.";
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var url = request.RequestUri!.ToString();
        var json = url switch
        {
            MetadataUrl => JsonSerializer.Serialize(new
            {
                issuer = Issuer,
                authorization_endpoint = "https://invalid.botframework.com",
                jwks_uri = KeysUrl,
                id_token_signing_alg_values_supported = new[] { "RS256" },
                token_endpoint_auth_methods_supported = new[] { "private_key_jwt" },
            }),
            KeysUrl => Keys(),
            _ => null,
        };
        return Task.FromResult(json is null
            ? new HttpResponseMessage(HttpStatusCode.NotFound)
            : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") });
    }

    private string Keys()
    {
        Interlocked.Increment(ref _keyFetches);
        lock (_published)
        {
            return JsonSerializer.Serialize(new
            {
                keys = _published.Select(p =>
                {
                    var rsa = p.Key.Rsa.ExportParameters(false);
                    return new Dictionary<string, object>
                    {
                        ["kty"] = "RSA",
                        ["use"] = "sig",
                        ["kid"] = p.Key.KeyId,
                        ["n"] = Base64UrlEncoder.Encode(rsa.Modulus),
                        ["e"] = Base64UrlEncoder.Encode(rsa.Exponent),
                        ["endorsements"] = p.Endorsements,
                    };
                }),
            });
        }
    }
}
