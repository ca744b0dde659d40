namespace ChatOps.Slack.Inbound;

/// <summary>
/// Reads an <c>application/x-www-form-urlencoded</c> body. Slack percent-encodes its values, but its own doc
/// examples show raw ones (<c>command=/weather</c>), so both are accepted: decoding leaves a raw value as it is.
/// </summary>
internal static class SlackForm
{
    public static IReadOnlyDictionary<string, string> Parse(string body)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in body.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? string.Empty : Decode(pair[(equals + 1)..]);
            fields.TryAdd(name, value);
        }
        return fields;
    }

    // '+' is a space in form encoding; an invalid %-sequence is kept as typed rather than refused.
    private static string Decode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));
}
