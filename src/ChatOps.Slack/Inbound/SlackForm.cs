namespace ChatOps.Slack.Inbound;

/// <summary>
/// Reads an <c>application/x-www-form-urlencoded</c> body. Slack percent-encodes its values, but its own doc
/// examples show raw ones (<c>command=/weather</c>), so both are accepted: decoding leaves a raw value as it is.
/// </summary>
internal static class SlackForm
{
    public static IReadOnlyDictionary<string, string> Parse(string body)
    {
        var fields = new Dictionary<string, string>(16, StringComparer.Ordinal);
        var rest = body.AsSpan();
        while (!rest.IsEmpty)
        {
            var amp = rest.IndexOf('&');
            var pair = amp < 0 ? rest : rest[..amp];
            rest = amp < 0 ? [] : rest[(amp + 1)..];
            if (pair.IsEmpty) continue;
            var equals = pair.IndexOf('=');
            var name = Decode(equals < 0 ? pair : pair[..equals]);
            fields.TryAdd(name, equals < 0 ? string.Empty : Decode(pair[(equals + 1)..]));
        }
        return fields;
    }

    // '+' is a space in form encoding; an invalid %-sequence is kept as typed rather than refused.
    private static string Decode(ReadOnlySpan<char> value)
    {
        if (!value.ContainsAny('+', '%')) return new string(value);
        if (!value.Contains('+')) return Uri.UnescapeDataString(value);
        Span<char> spaced = value.Length <= 512 ? stackalloc char[value.Length] : new char[value.Length];
        value.Replace(spaced, '+', ' ');
        return Uri.UnescapeDataString(spaced);
    }
}
