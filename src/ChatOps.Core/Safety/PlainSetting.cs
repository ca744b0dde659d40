using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace ChatOps.Core.Safety;

/// <summary>
/// Tells a setting named after a secret whose value plainly is not one: <c>password_min_length=12</c>,
/// <c>secret_rotation_days=30</c>, <c>api_key_header=X-Api-Key</c>, <c>password_reset_url=https://...</c>. The key's last
/// word says what the value describes and the value must be of that kind. A key that ends in the secret's own word
/// (<c>DB_PASSWORD</c>, <c>eos_token</c>) keeps every value secret, numbers included ("123456" is a password too), but
/// true, false, null, a tokenizer's special tokens and placeholders in angle brackets.
/// </summary>
internal static partial class PlainSetting
{
    private enum Kind { Quantity, Address, Header, Path, Name }

    private static readonly FrozenDictionary<string, Kind> KindOfLastWord = new Dictionary<string, Kind>
    {
        ["min"] = Kind.Quantity, ["max"] = Kind.Quantity, ["length"] = Kind.Quantity, ["len"] = Kind.Quantity,
        ["size"] = Kind.Quantity, ["count"] = Kind.Quantity, ["limit"] = Kind.Quantity, ["history"] = Kind.Quantity,
        ["attempts"] = Kind.Quantity, ["retries"] = Kind.Quantity, ["rounds"] = Kind.Quantity, ["iterations"] = Kind.Quantity,
        ["cost"] = Kind.Quantity, ["bits"] = Kind.Quantity, ["version"] = Kind.Quantity,
        ["ttl"] = Kind.Quantity, ["age"] = Kind.Quantity, ["expiry"] = Kind.Quantity, ["expires"] = Kind.Quantity,
        ["expiration"] = Kind.Quantity, ["lifetime"] = Kind.Quantity, ["timeout"] = Kind.Quantity, ["interval"] = Kind.Quantity,
        ["period"] = Kind.Quantity, ["rotation"] = Kind.Quantity, ["days"] = Kind.Quantity, ["hours"] = Kind.Quantity,
        ["minutes"] = Kind.Quantity, ["seconds"] = Kind.Quantity, ["ms"] = Kind.Quantity,
        ["url"] = Kind.Address, ["uri"] = Kind.Address, ["endpoint"] = Kind.Address, ["link"] = Kind.Address,
        ["header"] = Kind.Header,
        ["file"] = Kind.Path, ["path"] = Kind.Path, ["dir"] = Kind.Path, ["directory"] = Kind.Path,
        ["name"] = Kind.Name, ["ref"] = Kind.Name, ["env"] = Kind.Name, ["var"] = Kind.Name,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static bool IsPlain(ReadOnlySpan<char> key, ReadOnlySpan<char> value)
    {
        if (Literal().IsMatch(value) || SpecialTokenOrPlaceholder().IsMatch(value)) return true;
        var lastSeparator = key.LastIndexOfAny("_.-");
        if (lastSeparator < 0 || !KindOfLastWord.TryGetValue(key[(lastSeparator + 1)..].ToString(), out var kind)) return false;
        return kind switch
        {
            Kind.Quantity => Number().IsMatch(value) || Duration().IsMatch(value),
            Kind.Address => AddressWithoutCredentials().IsMatch(value),
            Kind.Header => HeaderName().IsMatch(value),
            Kind.Path => FilePath().IsMatch(value),
            _ => Identifier().IsMatch(value),
        };
    }

    [GeneratedRegex(@"^(?:true|false|null)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Literal();

    // A tokenizer's special tokens (eos_token: "</s>", pad_token: "[PAD]", stop_token="<|eot_id|>") and placeholders
    // such as "<your-api-key>".
    [GeneratedRegex(@"^(?:<[^<>\r\n]{1,40}>|\[[A-Z_]{1,20}\])$", RegexOptions.CultureInvariant)]
    private static partial Regex SpecialTokenOrPlaceholder();

    [GeneratedRegex(@"^-?[0-9]+(?:\.[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Number();

    // 90d, 1h30m, 3600s, 15min, and ISO 8601's P90D and PT1H.
    [GeneratedRegex(
        @"^(?:(?:[0-9]+(?:\.[0-9]+)?(?:ns|us|ms|s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?|mo|months?|y|years?))+" +
        @"|P(?!$)(?:[0-9]+[YMWD])*(?:T(?:[0-9]+(?:\.[0-9]+)?[HMS])+)?)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Duration();

    // A query string or user info may carry a credential of its own; such an address is not plain.
    [GeneratedRegex(@"^(?:[A-Za-z][A-Za-z0-9+.-]*://|/)[^\s@?#]*$", RegexOptions.CultureInvariant)]
    private static partial Regex AddressWithoutCredentials();

    // X-Api-Key, Authorization: words of letters joined by hyphens; a random key has digits inside its first word.
    [GeneratedRegex(@"^[A-Za-z]+(?:-[A-Za-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex HeaderName();

    [GeneratedRegex(@"^(?:/|\./|\.\./|~/)\S*$", RegexOptions.CultureInvariant)]
    private static partial Regex FilePath();

    // A Kubernetes object's name (vllm-hf-token) or an environment variable's (DB_PASSWORD).
    [GeneratedRegex(@"^(?:[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?|[A-Z][A-Z0-9_]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();
}
